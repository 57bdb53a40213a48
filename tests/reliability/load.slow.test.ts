import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords } from '../../src/evaluators/count-words.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { observeSim } from './helpers/observe-sim.js';
import { countEvents, readJournal } from './helpers/read-journal.js';
import { readSections } from './helpers/read-sections.js';
import { scale } from './helpers/reliability-scale.js';

const tempDir = useTempDir();
let server: SimServer;
beforeAll(async () => {
  // Eight slots for eight writers: a little latency keeps them overlapping on the server.
  server = await startSimServer({
    port: 0,
    options: { seed: 8, ttft: '50ms', tps: 5_000, slots: 8 },
  });
});
afterAll(() => server.close());

const writers = 8;
const tolerance = 0.15;

describe(`${writers} quire write processes against one sim server at once`, () => {
  it('all finish, in distinct run directories, each with a complete document of the right length', async () => {
    const observation = observeSim(server);
    // The same request from the same folder in the same second: the run directories' names
    // collide, and quire must still give each run its own.
    const cwd = await tempDir();
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: writers }, () =>
        runCli({
          args: [
            ...[
              'write',
              '--quality',
              'fast',
              'Write a guide to the canals of Amsterdam',
              '--words',
              String(scale.loadWords),
            ],
            ...['--model', 'openai:sim', '--base-url', server.url],
          ],
          cwd,
          env: { OPENAI_API_KEY: 'sk-test' },
          timeoutMs: 240_000,
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    for (const result of results) expect(result.code, result.stderr).toBe(0);

    const names = await readdir(join(cwd, 'outputs'));
    expect(names).toHaveLength(writers);
    const runIds = new Set<string>();
    const documents = new Set<string>();
    for (const name of names) {
      const directory = join(cwd, 'outputs', name);
      const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
      expect(info.status).toBe('completed');
      runIds.add(info.id);
      const plan = JSON.parse(await readFile(join(directory, 'plan.json'), 'utf8')) as {
        sections: Array<{ title: string }>;
      };
      expect((await readSections(directory)).size).toBe(plan.sections.length);
      const document = await readFile(join(directory, 'document.md'), 'utf8');
      for (const section of plan.sections) expect(document).toContain(`## ${section.title}`);
      const words = countWords(document);
      expect(Math.abs(words / scale.loadWords - 1), `${words} words`).toBeLessThanOrEqual(
        tolerance,
      );
      // One run per journal: no other process's events leaked in.
      const { events } = await readJournal(directory);
      expect(countEvents(events, 'run-start')).toBe(1);
      expect(events.find((event) => event.type === 'run-start')?.runId).toBe(info.id);
      documents.add(document);
    }
    expect(runIds.size).toBe(writers);
    // The simulated model answers a prompt the same way every time, so eight runs of one
    // request must write one document: anything else means the runs interfered.
    expect(documents.size).toBe(1);
    console.log(
      `load test: ${writers} concurrent runs of ${scale.loadWords} words, ${observation.requests} requests to one server, ${seconds.toFixed(1)} s`,
    );
  }, 300_000);
});
