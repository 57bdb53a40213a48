import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { expectCleanResume } from './helpers/expect-clean-resume.js';
import { writeFastConfig } from './helpers/fast-config.js';
import { type JournalEvent, readJournal } from './helpers/read-journal.js';
import { findTemporaryFiles, readSections } from './helpers/read-sections.js';
import { scale } from './helpers/reliability-scale.js';
import { createRandom } from './helpers/seeded-random.js';
import { watchEvents } from './helpers/watch-events.js';

const tempDir = useTempDir();
let server: SimServer;
beforeAll(async () => {
  // Calls last long enough (time to first token, then paced tokens) for kills to land inside
  // them as well as between them.
  server = await startSimServer({ port: 0, options: { seed: 5, ttft: '30ms', tps: 3_000 } });
});
afterAll(() => server.close());

/** Events inside the writing of a section that a kill can follow, with how often each is chosen. */
const midRun = { 'step-start': 3, 'check-end': 1, 'step-end': 2, usage: 1 } as const;
/**
 * Events at the start of every session: a kill there tests resuming a run just resumed. Chosen
 * only when the run has already reached the kill's section, so kills stay spread over the run.
 */
const sessionStart = { 'run-start': 1, 'plan-end': 1 } as const;
type KillPoint = keyof typeof midRun | keyof typeof sessionStart;

// A fresh seed each run explores new kill points; QUIRE_CRASH_SEED replays a failure.
const seed = Number(process.env.QUIRE_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

describe(`a ${scale.crashWords}-word run killed ${scale.crashKills} times with SIGKILL`, () => {
  it('resumes after every kill, never changes a finished section, and leaves a clean run', async () => {
    console.log(`crash test seed ${seed}: replay it with QUIRE_CRASH_SEED=${seed}`);
    const random = createRandom(seed);
    const cwd = await tempDir();
    const directory = join(cwd, 'run');
    await writeFastConfig({ directory: cwd, write: { maxSectionWords: 800 } });
    const env = { OPENAI_API_KEY: 'sk-test' };
    const args = [
      ...['write', '--quality', 'fast', 'Write a guide to the harbours of the Baltic Sea'],
      ...['--words', String(scale.crashWords), '--model', 'openai:sim', '--base-url', server.url],
      ...['--out', 'run', '--json'],
    ];
    const started = performance.now();
    const finished = new Map<string, string>();
    const kills: Array<{ after: KillPoint; atSection: number; delayMs: number; done: number }> = [];
    let plan: string | undefined;
    let sectionCount = 0;
    let tornLines = 0;
    let temporaryFilesSeen = 0;

    for (let kill = 0; kill < scale.crashKills; kill++) {
      const doneBefore = (await readSections(directory)).size;
      const run = spawnCli({ args, cwd, env });
      const watch = watchEvents(run);
      // Kills are spread evenly over the sections, so the last one still lands before the end.
      const atSection = Math.floor((kill * Math.max(0, sectionCount - 1)) / scale.crashKills);
      const after: KillPoint =
        doneBefore >= atSection ? random.pick({ ...midRun, ...sessionStart }) : random.pick(midRun);
      const atSessionStart = after in sessionStart;
      const delayMs = random.integer(0, 250);
      const committedInSession = (event: JournalEvent) =>
        event.type === 'step-end' && event.recovered !== true;
      await watch.until(
        (event) =>
          event.type === after &&
          (atSessionStart ||
            doneBefore + watch.events.filter(committedInSession).length >= atSection),
      );
      // Not a wait for a condition: the random offset makes the kill land anywhere in what the
      // run does after that event (mid-stream, mid-check, mid-write).
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');

      const planNow = await readFile(join(directory, 'plan.json'), 'utf8').catch(() => undefined);
      if (plan !== undefined) expect(planNow, 'plan.json changed').toBe(plan);
      plan = planNow;
      if (plan !== undefined)
        sectionCount = (JSON.parse(plan) as { sections: unknown[] }).sections.length;
      const { torn } = await readJournal(directory);
      if (torn !== '') tornLines++;
      temporaryFilesSeen += (await findTemporaryFiles(directory)).length;
      const now = await readSections(directory);
      for (const [name, text] of finished) expect(now.get(name), `${name} changed`).toBe(text);
      for (const [name, text] of now) finished.set(name, text);
      kills.push({ after, atSection, delayMs, done: now.size });
    }

    const last = await runCli({ args: ['resume', 'run', '--json'], cwd, env, timeoutMs: 120_000 });
    expect(last.code, last.stderr).toBe(0);
    const seconds = (performance.now() - started) / 1000;

    await expectCleanResume({ directory, sectionCount, finished, kills: scale.crashKills });
    // The kills were spread over the whole run, not bunched at its start.
    expect(kills.at(-1)!.done).toBeGreaterThanOrEqual(Math.floor(sectionCount / 2));

    console.log(
      `crash test (seed ${seed}): ${kills.length} SIGKILLs over ${sectionCount} sections in ${seconds.toFixed(1)} s; torn journal lines repaired: ${tornLines}; temporary files left by kills and removed on resume: ${temporaryFilesSeen}; kills: ${kills
        .map((each) => `${each.after}@${each.atSection}+${each.delayMs}ms→${each.done}`)
        .join(' ')}`,
    );
  }, 300_000);
});
