import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { expectCleanResume } from './helpers/expect-clean-resume.js';
import { writeFastConfig } from './helpers/fast-config.js';
import { pickParallelKillPoint } from './helpers/parallel-kill-point.js';
import type { JournalEvent } from './helpers/read-journal.js';
import { readSections } from './helpers/read-sections.js';
import { createRandom } from './helpers/seeded-random.js';
import { watchEvents } from './helpers/watch-events.js';

const tempDir = useTempDir();
let server: SimServer;
beforeAll(async () => {
  // Each section's call lasts long enough (time to first token, then paced tokens) that eight
  // in flight are still drafting when the kill arrives.
  server = await startSimServer({ port: 0, options: { seed: 5, ttft: '40ms', tps: 2_000 } });
});
afterAll(() => server.close());

const kills = 10;
const parallel = 8;
const words = 9_000;
// About 30 sections: ten sessions each commit a few and still leave more than eight pending.
const maxSectionWords = 300;
// A fresh seed each run explores new kill points; QUIRE_CRASH_SEED replays a failure.
const seed = Number(process.env.QUIRE_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** The tokens `run.json` says the run has used, or 0 before it exists. */
async function usedTokens(directory: string): Promise<number> {
  const text = await readFile(join(directory, 'run.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return 0;
  const { usage } = JSON.parse(text) as { usage: { inputTokens: number; outputTokens: number } };
  return usage.inputTokens + usage.outputTokens;
}

describe(`a --parallel ${parallel} run killed ${kills} times with SIGKILL (seed ${seed})`, () => {
  it('resumes every section in flight, never changes a finished one, and never overspends --max-tokens', async () => {
    console.log(`parallel crash test seed ${seed}: replay it with QUIRE_CRASH_SEED=${seed}`);
    const random = createRandom(seed);
    const cwd = await tempDir();
    await writeFastConfig({ directory: cwd, write: { maxSectionWords, parallel } });
    const env = { OPENAI_API_KEY: 'sk-test' };
    const write = (out: string, budget: string[]) => [
      ...['write', '--quality', 'fast', 'Write a guide to the harbours of the Baltic Sea'],
      ...['--words', String(words), '--model', 'openai:sim', '--base-url', server.url],
      ...['--out', out, '--json', '--parallel', String(parallel), ...budget],
    ];

    // What the run needs uninterrupted; the budget adds what ten kills can waste (calls whose
    // usage was metered but whose section died before its commit: about a quarter more here).
    const reference = await runCli({ args: write('reference', []), cwd, env, timeoutMs: 60_000 });
    expect(reference.code, reference.stderr).toBe(0);
    const needed = await usedTokens(join(cwd, 'reference'));
    const maxTokens = Math.ceil(needed * 1.6);
    const budget = ['--max-tokens', String(maxTokens)];

    const directory = join(cwd, 'run');
    const finished = new Map<string, string>();
    const log: string[] = [];
    let sectionCount: number | undefined;
    for (let kill = 0; kill < kills; kill++) {
      const doneBefore = (await readSections(directory)).size;
      const point = pickParallelKillPoint({
        random,
        pending: sectionCount === undefined ? undefined : sectionCount - doneBefore,
        killsLeft: kills - kill,
        margin: parallel,
      });
      const delayMs = random.integer(0, 30);
      const run = spawnCli({ args: write('run', budget), cwd, env });
      const watch = watchEvents(run);
      const committed = (event: JournalEvent) =>
        event.type === 'step-end' && event.recovered !== true;
      await watch.until((event) => point.reached(event, watch.events.filter(committed).length));
      // Not a wait for a condition: the offset lands the kill anywhere in what follows the event.
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');

      const plan = JSON.parse(await readFile(join(directory, 'plan.json'), 'utf8')) as {
        sections: unknown[];
      };
      sectionCount = plan.sections.length;
      const now = await readSections(directory);
      for (const [name, text] of finished) expect(now.get(name), `${name} changed`).toBe(text);
      for (const [name, text] of now) finished.set(name, text);
      expect(await usedTokens(directory)).toBeLessThanOrEqual(maxTokens);
      // Every kill landed while sections were still to be written.
      expect(now.size, `kill ${kill + 1} came after the last section`).toBeLessThan(sectionCount);
      log.push(`${point.after}@+${point.commits}+${delayMs}ms→${now.size}/${sectionCount}`);
    }

    const last = await runCli({
      args: ['resume', 'run', '--json', ...budget],
      cwd,
      env,
      timeoutMs: 60_000,
    });
    expect(last.code, last.stderr).toBe(0);
    const used = await usedTokens(directory);
    expect(used).toBeLessThanOrEqual(maxTokens);
    await expectCleanResume({ directory, sectionCount: sectionCount!, finished, kills });

    console.log(
      `parallel crash test (seed ${seed}): ${kills} SIGKILLs over ${sectionCount} sections; ${used} tokens used of --max-tokens ${maxTokens} (uninterrupted: ${needed}); kills: ${log.join(' ')}`,
    );
  }, 180_000);
});
