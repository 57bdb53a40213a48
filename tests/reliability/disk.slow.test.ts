import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { makeReadOnly } from '../helpers/read-only-dir.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { countEvents, readJournal } from './helpers/read-journal.js';
import { findTemporaryFiles, readSections } from './helpers/read-sections.js';
import { watchEvents } from './helpers/watch-events.js';

const tempDir = useTempDir();
let server: SimServer;
beforeAll(async () => {
  // Each call takes at least the time to first token: ample room to lock the folder between
  // one section's commit and the next.
  server = await startSimServer({ port: 0, options: { seed: 2, ttft: '300ms', tps: 4_000 } });
});
afterAll(() => server.close());

const env = { OPENAI_API_KEY: 'sk-test' };

describe('a run whose output directory becomes read-only mid-run', () => {
  it.each([
    ['sections/', 'sections'],
    ['the run directory', '.'],
  ])(
    'stops with one clear line when %s refuses writes, and resumes once writable',
    async (_name, lockedPart) => {
      const cwd = await tempDir();
      const directory = join(cwd, 'run');
      const run = spawnCli({
        args: [
          ...[
            'write',
            '--quality',
            'fast',
            'Write a history of the lighthouses of Brittany',
            '--words',
            '4000',
          ],
          ...['--model', 'openai:sim', '--base-url', server.url, '--out', 'run', '--json'],
        ],
        cwd,
        env,
      });
      await watchEvents(run).until((event) => event.type === 'step-end');
      const undo = await makeReadOnly(join(directory, lockedPart));
      let code: number | string;
      let committed: Map<string, string>;
      try {
        code = await run.exited;
        committed = await readSections(directory);
      } finally {
        await undo();
      }

      expect(code).toBe(1);
      expect(run.stderr().split('\n').filter(Boolean)).toEqual([
        expect.stringMatching(
          /^quire: Cannot write \S+ \((EACCES|EPERM)\): make the run directory writable, then resume the run\.$/,
        ),
      ]);
      expect(committed.size).toBeGreaterThan(0);

      const resumed = await runCli({ args: ['resume', 'run'], cwd, env });
      expect(resumed.code, resumed.stderr).toBe(0);
      const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
      expect(info.status).toBe('completed');
      const plan = JSON.parse(await readFile(join(directory, 'plan.json'), 'utf8'));
      const final = await readSections(directory);
      expect(final.size).toBe(plan.sections.length);
      for (const [name, text] of committed) expect(final.get(name), name).toBe(text);
      expect(await findTemporaryFiles(directory)).toEqual([]);
      const { events, torn } = await readJournal(directory);
      expect(torn).toBe('');
      expect(countEvents(events, 'run-error')).toBe(1);
      expect(countEvents(events, 'step-end')).toBe(plan.sections.length);
    },
    180_000,
  );
});
