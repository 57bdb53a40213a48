import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeamPass } from '../../src/store/review-files.js';
import { runMain } from '../bench/helpers/run-main.js';
import { readPlantedDefects } from '../helpers/planted-defects.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { writeFastConfig } from './helpers/fast-config.js';
import { countEvents, type JournalEvent, readJournal } from './helpers/read-journal.js';
import { watchEvents } from './helpers/watch-events.js';

const tempDir = useTempDir();
const env = { OPENAI_API_KEY: 'sk-test' };

/**
 * A fast-quality run drafted 4 sections at a time, with bad seams planted in half the sections
 * drafted blind. Each call waits before its first token, so a kill sent on seeing an event
 * lands inside the calls that follow it.
 */
function writeArgs(folder: string): string[] {
  const model = `sim:seed=2,seams=0.5,ttft=100ms,defect-log=${join(folder, 'planted.jsonl')}`;
  return [
    ...['write', 'Write a guide to the lighthouses of the Atlantic coast of Europe'],
    ...['--words', '6000', '--quality', 'fast', '--parallel', '4', '--model', model],
    ...['--out', 'run', '--json'],
  ];
}

describe('a parallel write run killed with SIGKILL during its seam pass', () => {
  it.each([
    {
      point: 'its check has ended',
      killAfter: (event: JournalEvent) => event.type === 'seam-check-end',
    },
    {
      point: 'its first repair has ended',
      killAfter: (event: JournalEvent) => event.type === 'seam-repair-end',
    },
  ])(
    'resumes in the seam pass after $point, never checking again nor repairing a seam twice',
    async ({ killAfter }) => {
      const folder = await tempDir();
      await writeFastConfig({ directory: folder });
      const run = spawnCli({ args: writeArgs(folder), cwd: folder, env });
      await watchEvents(run).until(killAfter);
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');

      // The resume in this process: the killed run was the real one (resume spawns elsewhere).
      const resumed = await runMain({ argv: ['resume', 'run', '--json'], cwd: folder, env });
      expect(resumed.code, resumed.stderr).toBe(0);
      const directory = join(folder, 'run');
      const { events, torn } = await readJournal(directory);
      expect(torn).toBe('');
      expect(countEvents(events, 'seam-check-end')).toBe(1);
      const repaired = events
        .filter((event) => event.type === 'seam-repair-end')
        .map((event) => event.sectionId);
      expect(new Set(repaired).size).toBe(repaired.length);
      const pass = await readSeamPass({ directory });
      // Each repair is saved before it is journalled: a kill in between leaves a saved repair with
      // no event (and it is not made again), never an event without its repair.
      const recorded = pass!.repairs.map((repair) => repair.sectionId);
      expect(new Set(recorded).size).toBe(recorded.length);
      for (const sectionId of repaired) expect(recorded).toContain(sectionId);
      expect(repaired.length).toBeGreaterThan(0);

      const document = await readFile(join(directory, 'document.md'), 'utf8');
      const planted = await readPlantedDefects(join(folder, 'planted.jsonl'));
      for (const defect of planted) expect(document).not.toContain(defect.text);
    },
    120_000,
  );
});
