import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoundRewrites, reviewPaths } from '../../src/store/review-files.js';
import { runMain } from '../bench/helpers/run-main.js';
import { defectsLeft, type PlantedDefect, readPlantedDefects } from '../helpers/planted-defects.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { writeFastConfig } from './helpers/fast-config.js';
import { countEvents, type JournalEvent, readJournal } from './helpers/read-journal.js';
import { readSections } from './helpers/read-sections.js';
import { watchEvents } from './helpers/watch-events.js';

const tempDir = useTempDir();
const env = { OPENAI_API_KEY: 'sk-test' };

/**
 * The CLI arguments of a standard-quality run in `folder`. Each call waits before its first
 * token, so a kill sent on seeing an event lands inside the call that follows it.
 */
function writeArgs(folder: string): string[] {
  const model = `sim:seed=13,defects=0.5,ttft=100ms,defect-log=${join(folder, 'defects.jsonl')}`;
  return [
    ...['write', 'Write a history of the harbour pilots of Lisbon and their guild'],
    ...['--words', '7000', '--quality', 'standard', '--model', model],
    ...['--out', 'run', '--json'],
  ];
}

/** A folder ready for a run: the quick retry settings, and the ledger kept by the model. */
async function prepare(folder: string): Promise<void> {
  await writeFastConfig({ directory: folder, write: { ledger: 'model' } });
}

/** What a finished run left: its document, its draft before review, its journal. */
async function readRun(folder: string) {
  const directory = join(folder, 'run');
  const { events, torn } = await readJournal(directory);
  return {
    directory,
    events,
    torn,
    document: await readFile(join(directory, 'document.md'), 'utf8'),
    draft: await readFile(join(directory, reviewPaths.draft), 'utf8'),
    planted: await readPlantedDefects(join(folder, 'defects.jsonl')),
  };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The planted defects the uninterrupted run removed in its review, by text. */
let removedByReview: PlantedDefect[] = [];
let baselineFolder: string;
beforeAll(async () => {
  baselineFolder = await mkdtemp(join(tmpdir(), 'quire-test-'));
  await prepare(baselineFolder);
  const run = await runMain({ argv: writeArgs(baselineFolder), cwd: baselineFolder, env });
  expect(run.code, run.stderr).toBe(0);
  const { draft, document, planted } = await readRun(baselineFolder);
  const left = new Set(defectsLeft(document, planted).map((defect) => defect.text));
  removedByReview = defectsLeft(draft, planted).filter((defect) => !left.has(defect.text));
}, 120_000);
afterAll(() => rm(baselineFolder, { recursive: true, force: true }));

/** The journal of a killed and resumed run, checked for what a resume must never do. */
function expectConsistentResume(events: JournalEvent[]): void {
  const starts = events.flatMap((event, index) => (event.type === 'run-start' ? [index] : []));
  expect(starts).toHaveLength(2);
  expect(events[starts[1]!]!.resumed).toBe(true);
  const resumed = events.slice(starts[1]);
  // Every section was drafted before the kill: the resumed session drafts none again.
  expect(countEvents(resumed, 'step-start')).toBe(0);
  const ends = events.filter((event) => event.type === 'step-end').map((event) => event.sectionId);
  expect(new Set(ends).size).toBe(ends.length);
  // A round is reviewed to its end once, and never started again after that end.
  const reviewed = events
    .filter((event) => event.type === 'review-end')
    .map((event) => event.round);
  expect(new Set(reviewed).size).toBe(reviewed.length);
  for (const [index, event] of events.entries()) {
    if (event.type !== 'review-start') continue;
    const ended = events
      .slice(0, index)
      .some((earlier) => earlier.type === 'review-end' && earlier.round === event.round);
    expect(ended, `round ${String(event.round)} reviewed again`).toBe(false);
  }
  // No section is rewritten twice in one round.
  const rewrites = events
    .filter((event) => event.type === 'rewrite-end')
    .map((event) => `${String(event.round)}:${String(event.sectionId)}`);
  expect(new Set(rewrites).size).toBe(rewrites.length);
  expect(countEvents(events, 'run-end')).toBe(1);
}

/** Each section's last kept rewrite is what `sections/` holds, re-applied when a kill cut it short. */
async function expectKeptRewritesApplied(directory: string): Promise<void> {
  const sections = await readSections(directory);
  const kept = new Map<string, string>();
  // Ten rounds is the most `review.rounds` allows; a round never reached has no records.
  for (let round = 1; round <= 10; round++) {
    const records = await readRoundRewrites({ directory, round });
    for (const record of records.filter((each) => each.kept)) {
      kept.set(basename(record.after).replace(/\.after\.md$/, '.md'), record.after);
    }
  }
  expect(kept.size).toBeGreaterThan(0);
  for (const [name, after] of kept) {
    expect(sections.get(name), name).toBe(await readFile(join(directory, after), 'utf8'));
  }
}

describe('a standard-quality write run killed with SIGKILL during its review', () => {
  it.each([
    {
      point: 'the review has started',
      killAfter: (event: JournalEvent) => event.type === 'review-start',
      findingsAtKill: false,
    },
    {
      point: 'the first kept rewrite has ended',
      killAfter: (event: JournalEvent) => event.type === 'rewrite-end' && event.kept === true,
      findingsAtKill: true,
    },
  ])(
    'resumes in the review after $point and removes the defects an uninterrupted run removes',
    async ({ killAfter, findingsAtKill }) => {
      const folder = await tempDir();
      await prepare(folder);
      const run = spawnCli({ args: writeArgs(folder), cwd: folder, env });
      const watch = watchEvents(run);
      await watch.until(killAfter);
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');
      const directory = join(folder, 'run');
      // The kill landed where this case means it to: inside the round-1 review, or after it.
      expect(await exists(join(directory, reviewPaths.findings(1)))).toBe(findingsAtKill);

      // The resume in this process: the killed run was the real one (resume spawns elsewhere).
      const resumed = await runMain({ argv: ['resume', 'run', '--json'], cwd: folder, env });
      expect(resumed.code, resumed.stderr).toBe(0);
      const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
      expect(info.status).toBe('completed');
      const { events, torn, document } = await readRun(folder);
      expect(torn).toBe('');
      expectConsistentResume(events);
      await expectKeptRewritesApplied(directory);

      expect(removedByReview.length).toBeGreaterThan(0);
      const left = defectsLeft(document, removedByReview).map((defect) => defect.kind);
      expect(left, 'defects the uninterrupted review removed').toEqual([]);
    },
    120_000,
  );
});
