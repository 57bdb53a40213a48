import { describe, expect, it } from 'vitest';
import { defaultSectionChecks } from '../../src/control/checks/default-section-checks.js';
import type { SectionCheck } from '../../src/control/checks/section-check.js';
import { emptyLedger } from '../../src/control/ledger/ledger-schema.js';
import type { RunEventInput } from '../../src/control/run-events.js';
import { runSectionStep, type SectionStepSettings } from '../../src/control/run-section-step.js';
import { outputAllowance } from '../../src/control/section-step/output-allowance.js';
import type { ThinkNoteSettings } from '../../src/control/think/think-note-mode.js';
import { countWords } from '../../src/evaluators/count-words.js';
import type { ReplyCapacity } from '../../src/model/reply-capacity.js';
import { startCapacity } from '../../src/model/reply-capacity.js';
import { createPlan, createStepSettings, createTask } from '../helpers/builders.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import type { ScriptedReply } from '../helpers/mock-model.js';
import { type PromptCall, promptModel, prose, wordsAsked } from '../helpers/prompt-model.js';

const settings = createStepSettings();
const limits = { tailWords: 200, summaryWords: 300 };

async function step({
  reply,
  previous = [],
  index = 0,
  plan = createPlan({ count: 3, words: 400 }),
  overrides = {},
  capacity = startCapacity({ previous: undefined, model: 'mock', configured: undefined }),
  existing,
  budgetStop,
  divide,
  thinkNotes,
  checks = defaultSectionChecks,
}: {
  reply: (call: PromptCall) => ScriptedReply;
  previous?: string[];
  index?: number;
  plan?: ReturnType<typeof createPlan>;
  overrides?: Partial<SectionStepSettings>;
  capacity?: ReplyCapacity;
  existing?: string;
  budgetStop?: () => string | undefined;
  divide?: boolean;
  thinkNotes?: ThinkNoteSettings;
  checks?: SectionCheck[];
}) {
  const model = promptModel(reply);
  const events: RunEventInput[] = [];
  const result = await runSectionStep({
    task: createTask({ words: plan.words }),
    plan,
    index,
    ledger: emptyLedger,
    previous,
    policy: 'bounded',
    limits,
    settings: { ...settings, ...overrides },
    checks,
    capacity,
    existing,
    budgetStop,
    divide,
    thinkNotes,
    call: {
      model,
      clock: createFakeClock(),
      retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 },
    },
    emit: async (event) => {
      events.push(event);
    },
  });
  const actions = events.flatMap((event) => (event.type === 'step-start' ? [event.action] : []));
  return { result, events, actions, model };
}

const isRevision = (call: PromptCall) => call.prompt.includes('<current-text>');
const isContinuation = (call: PromptCall) => call.prompt.includes('<text-so-far>');

describe('runSectionStep', () => {
  it('accepts a draft that passes every check in one call', async () => {
    const { result, actions, model } = await step({
      reply: ({ prompt }) => ({ text: prose(wordsAsked(prompt), 1) }),
    });
    expect(actions).toEqual(['write']);
    expect(result.findings).toEqual([]);
    expect(countWords(result.text)).toBe(400);
    expect(model.doStreamCalls).toHaveLength(1);
  });

  it('expands a short section by appending what is missing', async () => {
    const { result, actions } = await step({
      reply: (call) =>
        isContinuation(call)
          ? { text: prose(wordsAsked(call.prompt), 2) }
          : { text: prose(330, 1) },
    });
    expect(actions).toEqual(['write', 'expand']);
    expect(result.findings).toEqual([]);
    expect(result.text.startsWith(prose(330, 1))).toBe(true);
    expect(countWords(result.text)).toBe(400);
  });

  it('condenses a long section', async () => {
    const { result, actions } = await step({
      reply: (call) =>
        isRevision(call) ? { text: prose(wordsAsked(call.prompt), 3) } : { text: prose(900, 1) },
    });
    expect(actions).toEqual(['write', 'condense']);
    expect(countWords(result.text)).toBe(400);
  });

  it('rewrites a section that leaked meta-text, with the finding as feedback', async () => {
    const { result, actions, model } = await step({
      reply: (call) =>
        isRevision(call)
          ? { text: prose(400, 4) }
          : { text: `Paragraph 1 - Main Point: tides\n\n${prose(390, 1)}` },
    });
    expect(actions).toEqual(['write', 'rewrite']);
    expect(result.findings).toEqual([]);
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain('a plan label leaked');
  });

  it('rewrites a section that repeats an earlier one', async () => {
    const earlier = prose(400, 7);
    const { actions, result } = await step({
      index: 1,
      previous: [earlier],
      reply: (call) => (isRevision(call) ? { text: prose(400, 8) } : { text: earlier }),
    });
    expect(actions).toEqual(['write', 'rewrite']);
    expect(result.findings).toEqual([]);
  });

  it('keeps the best draft with its findings when the attempts run out', async () => {
    const { result, actions } = await step({
      reply: () => ({ text: `As an AI, I wrote this. ${prose(395, 5)}` }),
    });
    expect(actions).toEqual(['write', 'rewrite', 'rewrite']);
    expect(result.attempts).toBe(3);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['check/meta-assistant']);
  });

  it("continues a reply cut by the output limit (finishReason 'length') instead of accepting it", async () => {
    const { result, model } = await step({
      reply: (call) =>
        isContinuation(call)
          ? { text: prose(wordsAsked(call.prompt), 9) }
          : { text: prose(250, 1), finishReason: 'length' },
    });
    expect(model.doStreamCalls).toHaveLength(2);
    expect(countWords(result.text)).toBe(400);
    expect(result.findings).toEqual([]);
  });

  it("retries a reply that ended with finishReason 'error'", async () => {
    const { result, model } = await step({
      reply: ({ index, prompt }) =>
        index === 0
          ? { text: prose(100, 1), finishReason: 'error' }
          : { text: prose(wordsAsked(prompt), 2) },
    });
    expect(model.doStreamCalls).toHaveLength(2);
    expect(countWords(result.text)).toBe(400);
  });

  it('separates the writer notes from the text', async () => {
    const { result } = await step({
      reply: ({ prompt }) => ({
        text: `${prose(wordsAsked(prompt), 1)}\n\n@@notes\n- The harbour opened in 1842.\n- Captain Reyes runs it.`,
      }),
    });
    expect(result.text).not.toContain('@@notes');
    expect(result.notes).toEqual(['The harbour opened in 1842.', 'Captain Reyes runs it.']);
  });
});

describe('runSectionStep: length on progress', () => {
  const measured = (recent: number[]): ReplyCapacity => ({
    ...startCapacity({ previous: undefined, model: 'mock', configured: undefined }),
    recent,
    replies: recent.length,
    longest: Math.max(0, ...recent),
  });

  it('divides the sections when a draft shows the model stops short, keeping the draft as part 1', async () => {
    const { result, actions, model } = await step({
      plan: createPlan({ count: 2, words: 1_000 }),
      reply: () => ({ text: prose(300, 1) }),
    });
    expect(actions).toEqual(['write']);
    expect(model.doStreamCalls).toHaveLength(1);
    expect(result.text).toBe(prose(300, 1));
    expect(result.findings).toEqual([]);
    expect(result.capacity.recent).toEqual([300]);
    const sections = result.plan?.sections ?? [];
    expect(sections.map((section) => [section.id, section.words, section.continuation])).toEqual([
      ['s001', 300, undefined],
      ['s001-2', 234, true],
      ['s001-3', 233, true],
      ['s001-4', 233, true],
      ['s002', 250, undefined],
      ['s002-2', 250, true],
      ['s002-3', 250, true],
      ['s002-4', 250, true],
    ]);
    expect(sections[1]?.brief).toMatch(/^Part 2 of 4 of this section\. The point of section 1\./);
  });

  it('expands in steps no larger than the model writes, while each one makes progress', async () => {
    const asked: number[] = [];
    const { result, actions } = await step({
      capacity: measured([120]),
      existing: prose(80, 1),
      reply: (call) => {
        asked.push(wordsAsked(call.prompt));
        return { text: prose(Math.min(120, wordsAsked(call.prompt)), 2 + call.index) };
      },
    });
    expect(actions).toEqual(['expand', 'expand', 'expand']);
    expect(asked).toEqual([120, 120, 80]);
    expect(countWords(result.text)).toBe(400);
    expect(result.findings).toEqual([]);
  });

  it('stops expanding at once when an expansion adds (almost) nothing', async () => {
    const { result, actions } = await step({
      existing: prose(100, 1),
      capacity: measured([400]),
      reply: (call) => ({ text: prose(isContinuation(call) ? 5 : 400, call.index + 2) }),
    });
    expect(actions).toEqual(['expand']);
    expect(countWords(result.text)).toBe(105);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['check/length-short']);
    expect(result.lengthStop).toMatch(/the last expand added 5 words \(2% of what it could/);
  });

  it('never makes more calls than write.maxCallsPerSection', async () => {
    const { model, result } = await step({
      overrides: { maxCallsPerSection: 3 },
      capacity: measured([60]),
      existing: prose(60, 1),
      reply: (call) => ({ text: prose(60, call.index + 2) }),
    });
    expect(model.doStreamCalls).toHaveLength(3);
    expect(result.lengthStop).toMatch(/used its 3 calls/);
  });

  it('stops before a call the token budget no longer allows', async () => {
    const { model, result } = await step({
      existing: prose(100, 1),
      budgetStop: () => 'the token budget is spent (10 of 10 tokens)',
      reply: () => ({ text: prose(300, 2) }),
    });
    expect(model.doStreamCalls).toHaveLength(0);
    expect(result.lengthStop).toBe('the token budget is spent (10 of 10 tokens)');
  });

  it('condenses an over-long section back under the ceiling, and stops when condensing removes nothing', async () => {
    const pulled = await step({
      existing: prose(700, 1),
      reply: (call) => ({ text: prose(wordsAsked(call.prompt), 3) }),
    });
    expect(pulled.actions).toEqual(['condense']);
    expect(countWords(pulled.result.text)).toBe(400);

    const stuck = await step({
      existing: prose(700, 1),
      reply: () => ({ text: prose(690, 3) }),
    });
    expect(stuck.actions).toEqual(['condense']);
    expect(stuck.result.lengthStop).toMatch(/the last condense removed 10 words/);
  });

  it('probes a model that writes a few words per reply with one expansion, then stops', async () => {
    const asked: number[] = [];
    const { result, model } = await step({
      reply: (call) => {
        asked.push(wordsAsked(call.prompt));
        return { text: 'Tides rise slowly.' };
      },
    });
    expect(model.doStreamCalls).toHaveLength(2);
    expect(asked).toEqual([400, 50]);
    expect(result.capacityStop).toBeUndefined();
    expect(result.capacity.recent).toEqual([3]);
    expect(result.lengthStop).toMatch(/the last expand added 3 words/);
  });

  it('stops, keeping nothing, when a second draft shows a few words per reply', async () => {
    const { result, model } = await step({
      capacity: measured([3]),
      reply: () => ({ text: 'Tides rise slowly.' }),
    });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(result.capacityStop).toBe(true);
    expect(result.capacity.recent).toEqual([3, 3]);
    expect(result.findings).toEqual([]);
  });

  it("keeps the earlier fixed number of repairs with lengthPolicy 'fixed'", async () => {
    const { actions, result } = await step({
      overrides: { lengthPolicy: 'fixed' },
      plan: createPlan({ count: 2, words: 1_000 }),
      reply: (call) => ({ text: prose(isContinuation(call) ? 5 : 300, call.index + 1) }),
    });
    expect(actions).toEqual(['write', 'expand', 'expand']);
    expect(result.plan).toBeUndefined();
    expect(countWords(result.text)).toBe(310);
  });
});

describe('runSectionStep: what it journals and keeps', () => {
  it('journals each call’s start and each draft’s checks, with its context and usage', async () => {
    const { result, events } = await step({
      reply: (call) =>
        isContinuation(call)
          ? { text: prose(wordsAsked(call.prompt), 2), inputTokens: 300, outputTokens: 100 }
          : { text: prose(330, 1), inputTokens: 900, outputTokens: 500 },
    });
    const journalled = events.filter(
      (event) => event.type === 'step-start' || event.type === 'check-end',
    );
    expect(journalled).toEqual([
      {
        type: 'step-start',
        sectionId: 's001',
        index: 0,
        title: 'Section 1',
        budget: 400,
        attempt: 1,
        action: 'write',
        contextTokens: expect.any(Number),
        stableTokens: expect.any(Number),
        trimmed: [],
      },
      {
        type: 'check-end',
        sectionId: 's001',
        attempt: 1,
        words: 330,
        passed: false,
        findings: [expect.objectContaining({ ruleId: 'check/length-short', severity: 'error' })],
        usage: expect.objectContaining({ inputTokens: 900, outputTokens: 500 }),
      },
      {
        type: 'step-start',
        sectionId: 's001',
        index: 0,
        title: 'Section 1',
        budget: 400,
        attempt: 2,
        action: 'expand',
        contextTokens: 0,
        stableTokens: 0,
        trimmed: [],
      },
      {
        type: 'check-end',
        sectionId: 's001',
        attempt: 2,
        words: 400,
        passed: true,
        findings: [],
        usage: expect.objectContaining({ inputTokens: 300, outputTokens: 100 }),
      },
    ]);
    const [start] = journalled as Array<{ contextTokens: number; stableTokens: number }>;
    expect(start!.stableTokens).toBeGreaterThan(0);
    expect(start!.contextTokens).toBeGreaterThan(start!.stableTokens);
    expect(result.usage).toMatchObject({ inputTokens: 1_200, outputTokens: 600 });
    expect(result.attempts).toBe(2);
    expect(result).not.toHaveProperty('lengthStop');
    expect(result).not.toHaveProperty('thinkNote');
  });

  it('asks for about two and a half times the budget in output tokens, at most 16,000', async () => {
    expect(outputAllowance(400)).toBe(1_300);
    expect(outputAllowance(401)).toBe(1_303);
    expect(outputAllowance(6_280)).toBe(16_000);
    expect(outputAllowance(20_000)).toBe(16_000);
    const { model } = await step({
      reply: ({ prompt }) => ({ text: prose(wordsAsked(prompt), 1) }),
    });
    expect(model.doStreamCalls[0]?.maxOutputTokens).toBe(1_300);
  });

  it('keeps the draft closest to its budget among those with as many errors', async () => {
    const drafts = [390, 398, 398].map(
      (words, seed) => `As an AI, I wrote this. ${prose(words - 6, seed + 1)}`,
    );
    const { result, actions } = await step({
      overrides: { repairAttempts: 2 },
      reply: ({ index }) => ({ text: drafts[index]! }),
    });
    expect(actions).toEqual(['write', 'rewrite', 'rewrite']);
    expect(result.text).toBe(drafts[1]);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['check/meta-assistant']);
    // A rewrite that still fails is no length stop.
    expect(result).not.toHaveProperty('lengthStop');
  });

  it('never keeps a repair with more errors, however close to its budget', async () => {
    const earlier = prose(400, 7);
    const draft = `As an AI, I wrote this. ${prose(388, 1)}`;
    const { result, actions } = await step({
      index: 1,
      previous: [earlier],
      // The rewrites hit the budget but copy the section before as well as leaking meta-text.
      reply: ({ index }) =>
        index === 0 ? { text: draft } : { text: `As an AI, I wrote this. ${prose(394, 7)}` },
    });
    expect(actions).toEqual(['write', 'rewrite', 'rewrite']);
    expect(result.text).toBe(draft);
  });

  it('judges drafts by their errors only: a warning neither fails a draft nor makes it worse', async () => {
    // A check of the caller's that warns about lighthouses.
    const lighthouses: SectionCheck = ({ text, section }) =>
      text.includes('Lighthouse')
        ? [
            {
              evaluator: 'check',
              ruleId: 'style/lighthouse',
              severity: 'warning',
              message: 'a lighthouse',
              location: { section: section.id },
            },
          ]
        : [];
    const checks = [...defaultSectionChecks, lighthouses];
    const clean = await step({ checks, reply: () => ({ text: `Lighthouse. ${prose(399, 1)}` }) });
    expect(clean.actions).toEqual(['write']);
    expect(clean.events.find((event) => event.type === 'check-end')).toMatchObject({
      passed: true,
    });
    const draft = `As an AI, I wrote this. ${prose(384, 1)}`;
    const closer = `Lighthouse. As an AI, I wrote this. ${prose(391, 2)}`;
    const { result } = await step({
      checks,
      reply: ({ index }) => ({ text: index === 0 ? draft : closer }),
    });
    expect(result.text).toBe(closer);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual([
      'check/meta-assistant',
      'style/lighthouse',
    ]);
  });

  it('never keeps a repair with more errors than the draft before it', async () => {
    const draft = `As an AI, I wrote this. ${prose(392, 1)}`;
    const { result, actions } = await step({
      reply: ({ index }) =>
        index === 0 ? { text: draft } : { text: `As an AI, I wrote this. ${prose(150, 2)}` },
    });
    expect(actions).toEqual(['write', 'rewrite', 'rewrite']);
    expect(result.text).toBe(draft);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['check/meta-assistant']);
  });

  it('journals the division of a section that does not fit one reply', async () => {
    const { events } = await step({
      plan: createPlan({ count: 2, words: 1_000 }),
      reply: () => ({ text: prose(300, 1) }),
    });
    expect(events.filter((event) => event.type === 'plan-refit')).toEqual([
      { type: 'plan-refit', reason: 'capacity', index: 0, sections: 8, wordsPerReply: 300 },
    ]);
  });

  it('expands instead of dividing while other sections are in flight', async () => {
    const { result, actions } = await step({
      plan: createPlan({ count: 2, words: 1_000 }),
      divide: false,
      reply: (call) =>
        isContinuation(call)
          ? { text: prose(Math.min(300, wordsAsked(call.prompt)), call.index + 2) }
          : { text: prose(300, 1) },
    });
    expect(result.plan).toBeUndefined();
    expect(actions[0]).toBe('write');
    expect(actions.slice(1).every((action) => action === 'expand')).toBe(true);
    expect(countWords(result.text)).toBeGreaterThan(300);
  });

  it('writes a section from the think note an earlier session already paid for', async () => {
    const { result, model } = await step({
      thinkNotes: { mode: 'call', stored: 'Open with the flood of 1953.' },
      reply: ({ prompt }) => ({ text: prose(wordsAsked(prompt), 1) }),
    });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(JSON.stringify(model.doStreamCalls[0]?.prompt)).toContain(
      'Open with the flood of 1953.',
    );
    expect(result.thinkNote).toBe('Open with the flood of 1953.');
  });

  it('repairs nothing in a committed section that passes its checks', async () => {
    const { result, actions, events, model } = await step({
      existing: prose(400, 1),
      reply: () => ({ text: prose(400, 2) }),
    });
    expect(actions).toEqual([]);
    expect(model.doStreamCalls).toHaveLength(0);
    expect(result).toMatchObject({ text: prose(400, 1), notes: [], findings: [], attempts: 1 });
    expect(events).toEqual([
      expect.objectContaining({ type: 'check-end', attempt: 1, passed: true, findings: [] }),
    ]);
  });

  it('counts each repair’s reply toward the capacity estimate', async () => {
    const { result } = await step({
      reply: (call) =>
        isContinuation(call)
          ? { text: prose(wordsAsked(call.prompt), 2) }
          : { text: prose(330, 1) },
    });
    expect(result.capacity.replies).toBe(2);
  });

  it('flags a repair cut off by the output limit as truncated', async () => {
    const { result } = await step({
      overrides: { repairAttempts: 1, continuationAttempts: 0 },
      existing: prose(700, 1),
      reply: () => ({ text: prose(400, 3), finishReason: 'length' }),
    });
    expect(result.text).toBe(prose(400, 3));
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['check/truncated']);
  });

  it('fails the step when a repair’s call fails for another reason than the window', async () => {
    const failing = step({
      existing: prose(100, 1),
      reply: () => new Error('the server is gone'),
    });
    await expect(failing).rejects.toThrow('the server is gone');
  });

  it('journals a missing marked think note with the draft’s checks', async () => {
    const { events, result } = await step({
      thinkNotes: { mode: 'marked' },
      reply: ({ prompt }) => ({ text: prose(wordsAsked(prompt), 1) }),
    });
    const [checked] = events.filter((event) => event.type === 'check-end');
    expect(checked).toMatchObject({
      passed: true,
      findings: [expect.objectContaining({ ruleId: 'think/missing-note' })],
    });
    expect(result.thinkNote).toBeUndefined();
  });
});
