import { describe, expect, it } from 'vitest';
import { defaultSectionChecks } from '../../src/control/checks/default-section-checks.js';
import { emptyMemory } from '../../src/control/memory/memory-schema.js';
import type { RunEventInput } from '../../src/control/run-events.js';
import { runSectionStep } from '../../src/control/run-section-step.js';
import { countWords } from '../../src/evaluators/count-words.js';
import { createPlan, createTask } from '../helpers/builders.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import type { ScriptedReply } from '../helpers/mock-model.js';
import { type PromptCall, promptModel, prose, wordsAsked } from '../helpers/prompt-model.js';

const settings = {
  lengthTolerance: 0.15,
  maxOverlap: 0.2,
  repairAttempts: 2,
  continuationAttempts: 2,
};
const limits = { tailWords: 200, summaryWords: 300 };

async function step({
  reply,
  previous = [],
  index = 0,
  plan = createPlan({ count: 3, words: 400 }),
}: {
  reply: (call: PromptCall) => ScriptedReply;
  previous?: string[];
  index?: number;
  plan?: ReturnType<typeof createPlan>;
}) {
  const model = promptModel(reply);
  const events: RunEventInput[] = [];
  const result = await runSectionStep({
    task: createTask({ words: plan.words }),
    plan,
    index,
    memory: emptyMemory,
    previous,
    policy: 'bounded',
    limits,
    settings,
    checks: defaultSectionChecks,
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
          : { text: prose(200, 1) },
    });
    expect(actions).toEqual(['write', 'expand']);
    expect(result.findings).toEqual([]);
    expect(result.text.startsWith(prose(200, 1))).toBe(true);
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
