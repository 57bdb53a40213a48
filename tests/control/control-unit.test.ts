import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunBudget } from '../../src/control/budget.js';
import { defaultSectionChecks } from '../../src/control/checks/default-section-checks.js';
import { runControlUnit } from '../../src/control/control-unit.js';
import { emptyLedger, LedgerSchema } from '../../src/control/ledger/ledger-schema.js';
import type { RunEventInput } from '../../src/control/run-events.js';
import type { SectionStepSettings } from '../../src/control/run-section-step.js';
import { sectionReservation } from '../../src/control/schedule/section-reservation.js';
import { countWords } from '../../src/evaluators/count-words.js';
import { assembleDocument } from '../../src/markdown/assemble-document.js';
import { type ReplyCapacity, startCapacity } from '../../src/model/reply-capacity.js';
import { UsageMeter } from '../../src/model/usage-meter.js';
import type { Plan } from '../../src/planner/plan-schema.js';
import { RunStore, type StoredSection } from '../../src/store/run-store.js';
import { httpError } from '../helpers/api-errors.js';
import { createPlan, createStepSettings, createTask } from '../helpers/builders.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import type { ScriptedReply } from '../helpers/mock-model.js';
import { type PromptCall, promptModel, prose, wordsAsked } from '../helpers/prompt-model.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const stores: RunStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

/** A writer that writes what it is asked, in `outputTokens` tokens per reply. */
const faithful =
  (outputTokens = 50) =>
  ({ prompt, index }: PromptCall): ScriptedReply => ({
    text: prose(wordsAsked(prompt), index + 1),
    inputTokens: 60,
    outputTokens,
  });

/** Runs the control unit over `plan` in a new run directory, recording what it journals. */
async function runUnit({
  plan = createPlan({ count: 3, words: 200 }),
  reply = faithful(),
  reviewReply,
  done = [],
  budget = {},
  parallel,
  settings = {},
  repairLength,
  capacity = startCapacity({ previous: undefined, model: 'mock', configured: undefined }),
  windowWords,
  thinkNotes,
  candidates,
  maxAttempts = 1,
}: {
  plan?: Plan;
  reply?: (call: PromptCall) => ScriptedReply;
  /** The reviewer's replies; the writer repairs its own sections when not given. */
  reviewReply?: (call: PromptCall) => ScriptedReply;
  done?: StoredSection[];
  budget?: RunBudget;
  parallel?: number;
  settings?: Partial<SectionStepSettings>;
  repairLength?: boolean;
  capacity?: ReplyCapacity;
  windowWords?: () => number | undefined;
  thinkNotes?: Parameters<typeof runControlUnit>[0]['thinkNotes'];
  /** Drafts of each section (best of N); one when not given. */
  candidates?: number;
  /** Tries of each call. */
  maxAttempts?: number;
} = {}) {
  const store = await RunStore.open(await tempDir());
  stores.push(store);
  const meter = new UsageMeter();
  const clock = createFakeClock();
  const retry = { maxAttempts, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };
  const model = promptModel(reply);
  const reviewer = reviewReply ? promptModel(reviewReply) : undefined;
  const events: RunEventInput[] = [];
  const capacities: ReplyCapacity[] = [];
  const run = runControlUnit({
    task: createTask({ words: plan.words }),
    plan,
    store,
    ledger: emptyLedger,
    done,
    policy: 'bounded',
    limits: { tailWords: 200, summaryWords: 300 },
    settings: createStepSettings(settings),
    ledgerMode: 'rule',
    checks: defaultSectionChecks,
    call: { model, meter, clock, retry },
    reviewCall: reviewer ? { model: reviewer, meter, clock, retry } : undefined,
    meter,
    budget,
    capacity,
    repairLength,
    slack: 0.05,
    windowWords,
    saveCapacity: async (learned) => {
      capacities.push(learned);
    },
    parallel,
    thinkNotes,
    candidates: candidates
      ? {
          count: candidates,
          directory: store.directory,
          resolution: { length: 0.15, overlap: 0.2 },
        }
      : undefined,
    emit: async (event) => {
      events.push(event);
    },
  });
  const ofType = <T extends RunEventInput['type']>(type: T) =>
    events.filter((event): event is Extract<RunEventInput, { type: T }> => event.type === type);
  const read = (name: string) => readFile(join(store.directory, name), 'utf8');
  return { run, store, model, reviewer, events, ofType, capacities, read };
}

describe('runControlUnit', () => {
  it('commits every section in plan order, journalling its end and the running totals', async () => {
    const unit = await runUnit({ budget: { price: { input: 1, output: 2 } } });
    const result = await unit.run;
    expect(result.status).toBe('completed');
    expect(result.stopReason).toBeUndefined();
    expect(result.sections.map(({ index, file }) => ({ index, file }))).toEqual([
      { index: 0, file: join('sections', '001-section-1.md') },
      { index: 1, file: join('sections', '002-section-2.md') },
      { index: 2, file: join('sections', '003-section-3.md') },
    ]);
    for (const section of result.sections) {
      expect(await unit.read(section.file)).toBe(section.text);
      expect(countWords(section.text)).toBe(200);
    }
    expect(unit.ofType('step-end')).toEqual(
      [0, 1, 2].map((index) => ({
        type: 'step-end',
        sectionId: `s00${index + 1}`,
        index,
        file: join('sections', `00${index + 1}-section-${index + 1}.md`),
        words: 200,
        budget: 200,
        attempts: 1,
        findings: [],
        usage: expect.objectContaining({ inputTokens: 60, outputTokens: 50 }),
      })),
    );
    expect(
      unit
        .ofType('usage')
        .map(({ wordsWritten, sectionsDone, sectionsTotal, sectionId, totals, costUsd }) => ({
          wordsWritten,
          sectionsDone,
          sectionsTotal,
          sectionId,
          calls: totals.calls,
          costUsd,
        })),
    ).toEqual([
      {
        wordsWritten: 200,
        sectionsDone: 1,
        sectionsTotal: 3,
        sectionId: 's001',
        calls: 1,
        costUsd: 160 / 1e6,
      },
      {
        wordsWritten: 400,
        sectionsDone: 2,
        sectionsTotal: 3,
        sectionId: 's002',
        calls: 2,
        costUsd: 320 / 1e6,
      },
      {
        wordsWritten: 600,
        sectionsDone: 3,
        sectionsTotal: 3,
        sectionId: 's003',
        calls: 3,
        costUsd: 480 / 1e6,
      },
    ]);
    const ledger = LedgerSchema.parse(JSON.parse(await unit.read('ledger.json')));
    expect(ledger.sectionIds).toEqual(['s001', 's002', 's003']);
    // The capacity learned from each reply is kept as the run goes.
    expect(unit.capacities.at(-1)).toEqual(result.capacity);
    expect(result.capacity.replies).toBe(3);
  });

  it('tells a section drafted in order nothing of its neighbours: it sees the text before it', async () => {
    const unit = await runUnit();
    await unit.run;
    const secondPrompt = JSON.stringify(unit.model.doStreamCalls[1]?.prompt);
    expect(secondPrompt).not.toContain('which covers:');
  });

  it('never redoes a committed section', async () => {
    const kept = { index: 0, file: join('sections', '001-section-1.md'), text: prose(200, 99) };
    const unit = await runUnit({ done: [kept] });
    const result = await unit.run;
    expect(unit.model.doStreamCalls).toHaveLength(2);
    expect(unit.ofType('step-end').map((event) => event.sectionId)).toEqual(['s002', 's003']);
    expect(result.sections[0]).toEqual(kept);
    expect(unit.ofType('usage')[0]).toMatchObject({ wordsWritten: 400, sectionsDone: 2 });
  });

  it('repairs a committed section off its budget only when asked, leaving its facts in the ledger', async () => {
    const short = { index: 0, file: join('sections', '001-section-1.md'), text: prose(100, 99) };
    const repaired = await runUnit({
      done: [short],
      repairLength: true,
    });
    const result = await repaired.run;
    expect(countWords(result.sections[0]!.text)).toBe(200);
    expect(result.sections[0]!.text.startsWith(short.text)).toBe(true);
    expect(repaired.ofType('step-start').map((event) => [event.sectionId, event.action])).toEqual([
      ['s001', 'expand'],
      ['s002', 'write'],
      ['s003', 'write'],
    ]);
    expect(result.sections.map((section) => section.index)).toEqual([0, 1, 2]);
    const ledger = LedgerSchema.parse(JSON.parse(await repaired.read('ledger.json')));
    expect(ledger.sectionIds).toEqual(['s002', 's003']);

    const left = await runUnit({ done: [short] });
    expect((await left.run).sections[0]).toEqual(short);
  });

  it('hands repairs to the reviewer’s model and drafts with the writer’s', async () => {
    const unit = await runUnit({
      plan: createPlan({ count: 1, words: 200 }),
      reply: () => ({ text: prose(120, 1) }),
      reviewReply: faithful(),
      // Known to write far more per reply: a short draft is expanded, not divided.
      capacity: { model: 'mock', configured: undefined, recent: [400], replies: 1, longest: 400 },
    });
    const result = await unit.run;
    expect(unit.model.doStreamCalls).toHaveLength(1);
    expect(unit.reviewer!.doStreamCalls).toHaveLength(1);
    expect(countWords(result.sections[0]!.text)).toBe(200);
  });

  it('stops, resumably, before a section once the token budget is spent', async () => {
    const unit = await runUnit({ budget: { maxTokens: 200 } });
    const result = await unit.run;
    expect(result.status).toBe('stopped');
    expect(result.stopReason).toBe('the token budget is spent (220 of 200 tokens)');
    expect(result.sections.map((section) => section.index)).toEqual([0, 1]);
  });

  it('starts no section whose reservation the token budget cannot hold beside those in flight', async () => {
    const plan = createPlan({ count: 2, words: 200 });
    const held = sectionReservation({ section: plan.sections[0]!, request: createTask().prompt });
    const unit = await runUnit({ plan, parallel: 2, budget: { maxTokens: held } });
    const result = await unit.run;
    expect(result.status).toBe('stopped');
    expect(result.stopReason).toBe(
      `the token budget is spent or held by sections in flight (${held} of ${held} tokens)`,
    );
    expect(result.sections.map((section) => section.index)).toEqual([0]);
    expect(unit.model.doStreamCalls).toHaveLength(1);
  });

  it('journals why a section’s length repairs stopped short of its budget', async () => {
    const unit = await runUnit({
      plan: createPlan({ count: 1, words: 200 }),
      capacity: { model: 'mock', configured: undefined, recent: [400], replies: 1, longest: 400 },
      reply: ({ prompt }) => ({ text: prose(prompt.includes('<text-so-far>') ? 2 : 100, 1) }),
    });
    await unit.run;
    const [end] = unit.ofType('step-end');
    expect(end?.lengthStop).toMatch(/the last expand added 2 words/);
    expect(end?.findings.map((finding) => finding.ruleId)).toEqual(['check/length-short']);
  });

  it('stops with nothing drafted when the model is known to write a few words per reply', async () => {
    const unit = await runUnit({
      capacity: { model: 'mock', configured: undefined, recent: [3, 3], replies: 2, longest: 3 },
    });
    const result = await unit.run;
    expect(unit.model.doStreamCalls).toHaveLength(0);
    expect(result.status).toBe('incomplete-length');
    expect(result.stopReason).toMatch(
      /^the model writes about 3 words per reply \(2 replies measured, the longest 3\), under write\.minWordsPerReply \(50\): the remaining 600 words/,
    );
    expect(result.sections).toEqual([]);
  });

  it('stops when a draft shows a few words per reply, keeping the sections before it', async () => {
    const unit = await runUnit({
      reply: ({ index, prompt }) =>
        index === 0 ? { text: prose(wordsAsked(prompt), 1) } : { text: 'Tides rise slowly.' },
      capacity: { model: 'mock', configured: undefined, recent: [3], replies: 1, longest: 3 },
      settings: { minWordsPerReply: 50 },
    });
    const result = await unit.run;
    expect(result.status).toBe('incomplete-length');
    expect(result.stopReason).toMatch(/^the model writes about 3 words per reply/);
    const written = result.sections.reduce((sum, section) => sum + countWords(section.text), 0);
    expect(result.stopReason).toContain(`the remaining ${result.plan.words - written} words`);
    // The draft that showed it is not kept; what was committed before it is.
    expect(result.sections.length).toBeGreaterThan(0);
    expect(result.sections).toEqual(await unit.store.readSections());
    expect(result.sections.map((section) => section.text)).not.toContain('Tides rise slowly.');
  });

  it('fails with the error of a section whose call fails, keeping what was committed', async () => {
    const unit = await runUnit({
      reply: (call) => (call.index === 1 ? new Error('the server is gone') : faithful()(call)),
    });
    const error = await unit.run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('the server is gone');
    expect(await unit.store.readSections()).toHaveLength(1);
    expect(unit.ofType('step-end')).toHaveLength(1);
  });

  it('drafts the longest sections first with several at once, each told its neighbours', async () => {
    const plan = createPlan({
      count: 3,
      sections: [{ words: 100 }, { words: 300 }, { words: 200 }],
    });
    const unit = await runUnit({ plan, parallel: 2 });
    const result = await unit.run;
    expect(result.status).toBe('completed');
    expect(unit.ofType('step-start').map((event) => event.sectionId)).toEqual([
      's002',
      's003',
      's001',
    ]);
    const firstPrompt = JSON.stringify(unit.model.doStreamCalls[0]?.prompt);
    expect(firstPrompt).toContain('which covers: The point of section 1.');
    expect(firstPrompt).toContain('which covers: The point of section 3.');
    expect(result.sections.map((section) => section.index)).toEqual([0, 1, 2]);
  });

  it('divides pending sections the context window leaves no room to write in one reply', async () => {
    const unit = await runUnit({
      plan: createPlan({ count: 2, words: 300 }),
      windowWords: () => 160,
    });
    const result = await unit.run;
    expect(unit.ofType('plan-refit')[0]).toMatchObject({ reason: 'window', index: 0 });
    expect(result.plan.sections.length).toBeGreaterThan(2);
    expect(Math.max(...result.plan.sections.map((section) => section.words))).toBeLessThanOrEqual(
      160,
    );
    expect(JSON.parse(await unit.read('plan.json'))).toEqual(result.plan);
    expect(result.sections).toHaveLength(result.plan.sections.length);
  });

  it('keeps the plan as it is with the fixed length policy', async () => {
    const plan = createPlan({ count: 2, words: 300 });
    const unit = await runUnit({
      plan,
      windowWords: () => 160,
      settings: { lengthPolicy: 'fixed' },
    });
    const result = await unit.run;
    expect(unit.ofType('plan-refit')).toEqual([]);
    expect(result.plan).toEqual(plan);
  });

  it('saves each section’s thinking and think note beside it, never in it', async () => {
    const unit = await runUnit({
      plan: createPlan({ count: 1, words: 200 }),
      reply: (call) => ({ ...faithful()(call), reasoning: 'Start at the estuary.' }),
      thinkNotes: { mode: 'call', journalled: new Map([['s001', 'Open with the flood.']]) },
    });
    const result = await unit.run;
    expect(await unit.read(join('thinking', '001-section-1.md'))).toBe('Start at the estuary.\n');
    expect(await unit.read(join('sections', '001-section-1.think.md'))).toBe(
      'Open with the flood.\n',
    );
    expect(result.sections[0]!.text).not.toContain('estuary.');
    expect(result.sections[0]!.text).not.toContain('Open with the flood.');
  });

  it('condenses a document that ends over the length gate’s ceiling', async () => {
    // Every draft is 18% over its budget: within a section's tolerance, over a 1.1 ceiling.
    const unit = await runUnit({
      plan: createPlan({ count: 3, words: 200 }),
      reply: ({ prompt, index }) => ({
        text: prose(prompt.includes('<current-text>') ? wordsAsked(prompt) : 236, index + 1),
      }),
      settings: { lengthCeiling: 1.1, lengthTolerance: 0.2 },
    });
    const result = await unit.run;
    const words = result.sections.reduce((sum, section) => sum + countWords(section.text), 0);
    expect(words).toBeLessThan(236 * 3);
    expect(unit.ofType('step-start').some((event) => event.action === 'condense')).toBe(true);
    expect(unit.capacities.at(-1)).toEqual(result.capacity);
  });
});

/** A section committed in an earlier session, `words` long. */
const committed = (index: number, words: number): StoredSection => ({
  index,
  file: join('sections', `00${index + 1}-section-${index + 1}.md`),
  text: prose(words, 90 + index),
});

/** How many sections were being drafted at once, at most, by the journal. */
function mostInFlight(events: RunEventInput[]): number {
  let inFlight = 0;
  let most = 0;
  for (const event of events) {
    if (event.type === 'step-start' && event.action === 'write') inFlight++;
    if (event.type === 'step-end') inFlight--;
    most = Math.max(most, inFlight);
  }
  return most;
}

describe('runControlUnit: scheduling', () => {
  it('names the section whose call is retried', async () => {
    const unit = await runUnit({
      plan: createPlan({ count: 2, words: 200 }),
      maxAttempts: 2,
      reply: (call) => (call.index === 1 ? httpError(503) : faithful()(call)),
    });
    expect((await unit.run).status).toBe('completed');
    expect(unit.ofType('call-retry')).toEqual([
      expect.objectContaining({ type: 'call-retry', sectionId: 's002', attempt: 1 }),
    ]);
  });

  it('drafts in plan order one at a time, whatever the sections’ sizes', async () => {
    const plan = createPlan({
      count: 3,
      sections: [{ words: 100 }, { words: 300 }, { words: 200 }],
    });
    const unit = await runUnit({ plan });
    await unit.run;
    expect(unit.ofType('step-start').map((event) => event.sectionId)).toEqual([
      's001',
      's002',
      's003',
    ]);
  });

  it('never drafts more sections at once than allowed', async () => {
    const unit = await runUnit({ plan: createPlan({ count: 5, words: 200 }), parallel: 2 });
    expect((await unit.run).sections).toHaveLength(5);
    expect(mostInFlight(unit.events)).toBe(2);
  });

  it('shows a section drafted before the one ahead of it no text of that one', async () => {
    const plan = createPlan({ count: 2, sections: [{ words: 100 }, { words: 300 }] });
    const unit = await runUnit({ plan, parallel: 2 });
    await unit.run;
    const firstPrompt = JSON.stringify(unit.model.doStreamCalls[0]?.prompt);
    expect(firstPrompt).toContain('which covers: The point of section 1.');
    expect(firstPrompt).not.toContain('The end of the previous section');
  });

  it('reserves room for every candidate of a section drafted best of N', async () => {
    const plan = createPlan({ count: 2, words: 200 });
    const held = sectionReservation({ section: plan.sections[0]!, request: createTask().prompt });
    const unit = await runUnit({
      plan,
      parallel: 2,
      candidates: 2,
      budget: { maxTokens: 2 * held },
    });
    const result = await unit.run;
    expect(result.stopReason).toBe(
      `the token budget is spent or held by sections in flight (${2 * held} of ${2 * held} tokens)`,
    );
    // Two candidates of the first section, none of the second.
    expect(unit.model.doStreamCalls).toHaveLength(2);
    const drafts = await Promise.all(
      [1, 2].map((candidate) => unit.read(join('candidates', '001-section-1', `${candidate}.md`))),
    );
    expect(drafts).toContain(result.sections[0]!.text);
  });

  it('repairs a committed section in place, never drafting candidates for it', async () => {
    const unit = await runUnit({
      plan: createPlan({ count: 1, words: 200 }),
      done: [committed(0, 100)],
      repairLength: true,
      candidates: 2,
    });
    const result = await unit.run;
    expect(unit.ofType('step-start').map((event) => event.action)).toEqual(['expand']);
    expect(result.sections[0]!.text.startsWith(committed(0, 100).text)).toBe(true);
    await expect(unit.read(join('candidates', '001-section-1', '1.md'))).rejects.toThrow();
  });

  it('stops a section’s repairs once the run’s budget is spent', async () => {
    const unit = await runUnit({
      plan: createPlan({ count: 1, words: 200 }),
      reply: () => ({ text: prose(100, 1), inputTokens: 60, outputTokens: 50 }),
      // Known to write far more per reply: a short draft is expanded, not divided.
      capacity: { model: 'mock', configured: undefined, recent: [400], replies: 1, longest: 400 },
      budget: { maxTokens: 100 },
    });
    await unit.run;
    expect(unit.model.doStreamCalls).toHaveLength(1);
    expect(unit.ofType('step-end')[0]?.lengthStop).toMatch(/the token budget is spent/);
  });

  it('does not count a section’s own reservation against its repairs', async () => {
    const plan = createPlan({ count: 1, words: 200 });
    const held = sectionReservation({ section: plan.sections[0]!, request: createTask().prompt });
    // The draft spends 110 tokens: the budget holds them, not them and the reservation too.
    const unit = await runUnit({
      plan,
      reply: (call) => ({
        text: prose(call.index === 0 ? 100 : wordsAsked(call.prompt), call.index + 1),
        inputTokens: 60,
        outputTokens: 50,
      }),
      capacity: { model: 'mock', configured: undefined, recent: [400], replies: 1, longest: 400 },
      budget: { maxTokens: held + 100 },
    });
    const result = await unit.run;
    expect(unit.ofType('step-start').map((event) => event.action)).toEqual(['write', 'expand']);
    expect(countWords(result.sections[0]!.text)).toBe(200);
  });

  it('stops when the last section’s draft shows a few words per reply', async () => {
    const unit = await runUnit({
      // Too short to divide: the one section stays the last.
      plan: createPlan({ count: 1, words: 50 }),
      reply: () => ({ text: 'Tides rise slowly.' }),
      capacity: { model: 'mock', configured: undefined, recent: [3], replies: 1, longest: 3 },
    });
    const result = await unit.run;
    expect(result.status).toBe('incomplete-length');
    expect(result.stopReason).toContain('the remaining 50 words');
    expect(result.sections).toEqual([]);
    expect(result.plan.sections).toHaveLength(1);
  });
});

describe('runControlUnit: reshaping the plan', () => {
  it('divides a section whose draft shows the model stops short, then writes its parts', async () => {
    const unit = await runUnit({
      plan: createPlan({ count: 2, words: 1_000 }),
      reply: (call) => ({ text: prose(Math.min(300, wordsAsked(call.prompt)), call.index + 1) }),
    });
    const result = await unit.run;
    expect(unit.ofType('plan-refit')[0]).toMatchObject({ reason: 'capacity', index: 0 });
    // The draft is the first part: committed against that part's budget.
    expect(unit.ofType('step-end')[0]).toMatchObject({ sectionId: 's001', budget: 300 });
    expect(result.plan.sections.length).toBeGreaterThan(2);
    expect(JSON.parse(await unit.read('plan.json'))).toEqual(result.plan);
    expect(result.sections).toHaveLength(result.plan.sections.length);
    expect(countWords(result.sections[0]!.text)).toBe(300);
  });

  it('expands instead of dividing while other sections are drafted at once', async () => {
    const plan = createPlan({ count: 2, words: 1_000 });
    const unit = await runUnit({
      plan,
      parallel: 2,
      reply: (call) => ({ text: prose(Math.min(300, wordsAsked(call.prompt)), call.index + 1) }),
    });
    const result = await unit.run;
    expect(unit.ofType('plan-refit')).toEqual([]);
    expect(result.plan).toEqual(plan);
    expect(unit.ofType('step-start').some((event) => event.action === 'expand')).toBe(true);
  });

  it('never reshapes the plan while sections are in flight, though the window shrinks', async () => {
    let calls = 0;
    const plan = createPlan({ count: 4, words: 300 });
    const unit = await runUnit({
      plan,
      parallel: 2,
      reply: (call) => {
        calls++;
        return faithful()(call);
      },
      // The window is learned to be small once the first call is made.
      windowWords: () => (calls > 0 ? 160 : undefined),
    });
    const result = await unit.run;
    expect(unit.ofType('plan-refit')).toEqual([]);
    expect(result.plan).toEqual(plan);
    expect(result.sections).toHaveLength(4);
  });

  it('keeps the plan as it is when a section fails', async () => {
    let failed = false;
    const plan = createPlan({ count: 2, words: 300 });
    const unit = await runUnit({
      plan,
      reply: (call) => {
        if (call.index === 1) {
          failed = true;
          return new Error('the server is gone');
        }
        return faithful()(call);
      },
      windowWords: () => (failed ? 100 : undefined),
    });
    await expect(unit.run).rejects.toBeInstanceOf(Error);
    expect(unit.ofType('plan-refit')).toEqual([]);
    await expect(unit.read('plan.json')).rejects.toThrow();
  });

  it('leaves the plan before a section committed later as it is, dividing only after it', async () => {
    const plan = createPlan({ count: 3, words: 300 });
    const unit = await runUnit({ plan, done: [committed(1, 300)], windowWords: () => 160 });
    const result = await unit.run;
    expect(result.plan.sections.slice(0, 2)).toEqual(plan.sections.slice(0, 2));
    expect(unit.ofType('plan-refit').map((event) => event.index)).toEqual([2]);
    expect(result.sections[1]).toEqual(committed(1, 300));
  });
});

describe('runControlUnit: committed sections and the length gate', () => {
  it('repairs only the committed sections outside their length check', async () => {
    // A 200-word section may hold 170 to 230 words: 300 is over.
    const unit = await runUnit({
      done: [committed(0, 170), committed(1, 300), committed(2, 230)],
      repairLength: true,
    });
    const result = await unit.run;
    expect(unit.ofType('step-start').map((event) => [event.sectionId, event.action])).toEqual([
      ['s002', 'condense'],
    ]);
    expect(unit.ofType('step-end').map((event) => event.sectionId)).toEqual(['s002']);
    expect(result.sections[0]).toEqual(committed(0, 170));
    expect(countWords(result.sections[1]!.text)).toBeLessThan(300);
    expect(result.sections[2]).toEqual(committed(2, 230));
  });

  /** A resumed run with every section committed, `words` long, under a 1.1 ceiling. */
  const resumedAt = (words: number[], settings: Partial<SectionStepSettings> = {}) =>
    runUnit({
      done: words.map((count, index) => committed(index, count)),
      reply: ({ prompt, index }) => ({ text: prose(wordsAsked(prompt), index + 1) }),
      settings: { lengthCeiling: 1.1, ...settings },
    });
  // Words the assembled document holds besides its sections: its title and headings.
  const plan = createPlan({ count: 3, words: 200 });
  const headings = countWords(
    assembleDocument({
      title: plan.title,
      sections: plan.sections.map((section) => ({ ...section, text: '' })),
    }),
  );

  it('condenses a document that ends over the ceiling by the words of its headings', async () => {
    const unit = await resumedAt([660 - headings - 400 + 1, 200, 200]);
    const result = await unit.run;
    expect(unit.ofType('step-start').map((event) => [event.sectionId, event.action])).toEqual([
      ['s001', 'condense'],
    ]);
    expect(countWords(result.sections[0]!.text)).toBe(200);
    expect(await unit.read(result.sections[0]!.file)).toBe(result.sections[0]!.text);
    expect(unit.capacities).toEqual([result.capacity]);
  });

  it('leaves a document at the ceiling, headings counted, as it is', async () => {
    const done = [660 - headings - 400, 200, 200];
    const unit = await resumedAt(done);
    const result = await unit.run;
    expect(unit.model.doStreamCalls).toHaveLength(0);
    expect(result.sections).toEqual(done.map((words, index) => committed(index, words)));
    expect(unit.capacities).toEqual([]);
  });

  it('condenses nothing with the fixed length policy', async () => {
    const unit = await resumedAt([400, 200, 200], { lengthPolicy: 'fixed' });
    await unit.run;
    expect(unit.model.doStreamCalls).toHaveLength(0);
  });
});
