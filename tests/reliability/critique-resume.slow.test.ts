import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { critiquePaths, readCritiqueRounds } from '../../src/store/critique-files.js';
import { runMain } from '../bench/helpers/run-main.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { countEvents, type JournalEvent, readJournal } from './helpers/read-journal.js';
import { watchEvents } from './helpers/watch-events.js';

const tempDir = useTempDir();
const env = { OPENAI_API_KEY: 'sk-test' };

/**
 * A standard-quality run (its plan critiqued, no whole-document review, to keep it short) with
 * every plan defect planted. Each call waits before its first token, so a kill sent on seeing
 * an event lands inside the call that follows it.
 */
async function prepare(): Promise<{ folder: string; args: string[] }> {
  const folder = await tempDir();
  const config = {
    retry: { maxAttempts: 20, initialDelayMs: 5, maxDelayMs: 50, maxRetryAfterMs: 5_000 },
    review: { rounds: 0 },
  };
  await writeFile(join(folder, 'quire.config.json'), JSON.stringify(config));
  const model = `sim:seed=13,ttft=100ms,plan-defects=overlap+vague-brief+generic-frame+listicle,defect-log=${join(folder, 'defects.jsonl')}`;
  const args = [
    ...['write', 'Write a history of the harbour pilots of Lisbon and their guild'],
    ...['--words', '5000', '--quality', 'standard', '--model', model, '--out', 'run', '--json'],
  ];
  return { folder, args };
}

describe('a standard-quality write run killed with SIGKILL during its plan critique', () => {
  it.each([
    {
      point: 'the critique has started',
      killAfter: (event: JournalEvent) => event.type === 'critique-start',
      roundDoneAtKill: false,
    },
    {
      point: 'the first round has ended',
      killAfter: (event: JournalEvent) => event.type === 'critique-end',
      roundDoneAtKill: true,
    },
  ])(
    'resumes after $point, never redoing a finished round, and writes from the revised plan',
    async ({ killAfter, roundDoneAtKill }) => {
      const { folder, args } = await prepare();
      const run = spawnCli({ args, cwd: folder, env });
      await watchEvents(run).until(killAfter);
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');
      const directory = join(folder, 'run');
      const atKill = await readCritiqueRounds({ directory });
      expect(atKill.length > 0).toBe(roundDoneAtKill);

      // The resume in this process: the killed run was the real one (resume spawns elsewhere).
      const resumed = await runMain({ argv: ['resume', 'run', '--json'], cwd: folder, env });
      expect(resumed.code, resumed.stderr).toBe(0);
      const { events, torn } = await readJournal(directory);
      expect(torn).toBe('');
      const starts = events.flatMap((event, index) => (event.type === 'run-start' ? [index] : []));
      expect(starts).toHaveLength(2);
      // No prose was written before the plan was settled.
      expect(countEvents(events.slice(0, starts[1]), 'step-start')).toBe(0);
      // A round is critiqued to its end once, and never started again after that end.
      const ended = events
        .filter((event) => event.type === 'critique-end')
        .map((event) => event.round);
      expect(ended).toEqual([1]);
      for (const [index, event] of events.entries()) {
        if (event.type !== 'critique-start') continue;
        const before = events.slice(0, index);
        expect(
          before.some(
            (earlier) => earlier.type === 'critique-end' && earlier.round === event.round,
          ),
        ).toBe(false);
      }
      const [round] = await readCritiqueRounds({ directory });
      expect(round!.kept, round!.reason).toBe(true);
      const plan = JSON.parse(await readFile(join(directory, 'plan.json'), 'utf8'));
      expect(plan.sections).toEqual(round!.revised!.sections);
      const draft = JSON.parse(await readFile(join(directory, critiquePaths.draft), 'utf8'));
      expect(draft.sections.map((section: { title: string }) => section.title)).toContain(
        'Introduction',
      );
      const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
      expect(info.status).toBe('completed');
      // A stage's calls are counted when it ends: a round redone after the kill counts again.
      if (!roundDoneAtKill) expect(info.stages.critique.calls).toBeGreaterThanOrEqual(3);
    },
    120_000,
  );
});
