import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanSectionText } from '../../src/agents/clean-section-text.js';
import { checkMetaText } from '../../src/control/checks/check-meta-text.js';
import { countWords } from '../../src/evaluators/count-words.js';
import { checkLengthGate } from '../../src/evaluators/length-gate.js';
import { sameTitle } from '../../src/markdown/same-title.js';
import { PlanSchema } from '../../src/planner/plan-schema.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { readRunSections } from '../../src/store/run-store.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const servers: SimServer[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

interface JournalEvent {
  type: string;
  attempts?: number;
  findings?: Array<{ ruleId: string; severity: string }>;
}

/** Every habit of a chatty model without JSON mode, as sim knobs. */
const everyHabit = { chatter: 1, echoHeading: 1, fence: 1 };

/** Checks a finished run: clean sections, no doubled heading, the length gate, the journal. */
async function expectCleanRun({
  directory,
  words,
  planCalls,
}: {
  directory: string;
  words: number;
  /** Planner calls expected: the plan's form never costs one (a short plan may be asked again). */
  planCalls: number;
}) {
  const document = await readFile(join(directory, 'document.md'), 'utf8');
  expect(checkLengthGate({ produced: countWords(document), required: words }).status).toBe(
    'within',
  );
  expect(document).not.toContain('```');

  const headings = document.split('\n').filter((line) => /^#{1,6} /.test(line));
  headings.forEach((heading, index) => {
    const previous = headings[index - 1];
    if (previous)
      expect(sameTitle(heading.replace(/^#+ /, ''), previous.replace(/^#+ /, ''))).toBe(false);
  });

  const plan = PlanSchema.parse(JSON.parse(await readFile(join(directory, 'plan.json'), 'utf8')));
  for (const section of await readRunSections(directory)) {
    const planned = plan.sections[section.index]!;
    expect(
      cleanSectionText({ text: section.text, title: planned.title }).findings,
      planned.id,
    ).toEqual([]);
    const meta = checkMetaText({
      text: section.text,
      section: planned,
      index: section.index,
      plan,
      previous: [],
      settings: { lengthTolerance: 0.15, maxOverlap: 0.2 },
    });
    expect(meta, planned.id).toEqual([]);
  }

  const journal = (await readFile(join(directory, 'journal.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEvent);
  const planEnd = journal.find((event) => event.type === 'plan-end')!;
  expect(planEnd.attempts).toBe(planCalls);
  expect(planEnd.findings?.map((finding) => finding.ruleId)).toContain('plan-read-from-text');
  expect(journal.filter((event) => event.type === 'call-retry')).toEqual([]);
  const stripped = journal
    .filter((event) => event.type === 'check-end')
    .flatMap((event) => event.findings ?? [])
    .filter((finding) => finding.ruleId.startsWith('clean/'));
  expect(stripped.length).toBeGreaterThanOrEqual(plan.sections.length * 3);
  expect(new Set(stripped.map((finding) => finding.severity))).toEqual(new Set(['info']));
}

// The habits are in every section whatever the length: a few sections show them all, so the
// documents are of a few thousand words rather than ten.
describe('quire write on a sim with every chat habit on', () => {
  it('writes 4,000 English words over HTTP from a plan in AgentWrite lines, free of chatter and doubled headings', async () => {
    const server = await startSimServer({
      port: 0,
      options: { ...everyHabit, planFormat: 'lines' },
    });
    servers.push(server);
    const cwd = await tempDir();
    const result = await runCli({
      args: [
        'write',
        '--quality',
        'fast',
        'Write a 4,000-word guide to the lighthouses of Brittany',
        '--model',
        'openai:sim',
        '--base-url',
        server.url,
        '--out',
        'run',
      ],
      cwd,
      env: { OPENAI_API_KEY: 'sk-test' },
      timeoutMs: 150_000,
    });
    expect(result.code, result.stderr).toBe(0);
    await expectCleanRun({ directory: join(cwd, 'run'), words: 4_000, planCalls: 1 });
  }, 180_000);

  it('writes 3,000 Chinese characters with the built-in sim from a plan in a heading outline, free of chatter', async () => {
    const cwd = await tempDir();
    const result = await runCli({
      args: [
        'write',
        '--quality',
        'fast',
        '写一篇不少于3000字的布列塔尼灯塔指南',
        '--model',
        'sim:chatter=1,echo-heading=1,fence=1,plan-format=headings',
        '--out',
        'run',
      ],
      cwd,
      timeoutMs: 150_000,
    });
    expect(result.code, result.stderr).toBe(0);
    // The plan has the sections asked for, read from its outline at once: never asked again
    // for its form.
    await expectCleanRun({ directory: join(cwd, 'run'), words: 3_000, planCalls: 1 });
  }, 180_000);
});
