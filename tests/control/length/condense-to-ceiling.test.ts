import { describe, expect, it } from 'vitest';
import { defaultSectionChecks } from '../../../src/control/checks/default-section-checks.js';
import { condenseToCeiling } from '../../../src/control/length/condense-to-ceiling.js';
import type { RunEventInput } from '../../../src/control/run-events.js';
import { countWords } from '../../../src/evaluators/count-words.js';
import { startCapacity } from '../../../src/model/reply-capacity.js';
import { RunStore } from '../../../src/store/run-store.js';
import { slugify } from '../../../src/util/slugify.js';
import { createPlan, createStepSettings, createTask } from '../../helpers/builders.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import type { ScriptedReply } from '../../helpers/mock-model.js';
import { type PromptCall, promptModel, prose, wordsAsked } from '../../helpers/prompt-model.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const settings = createStepSettings({ lengthCeiling: 1.2 });
const tempDir = useTempDir();

/** Condenses a three-section document (300-word budgets, target 900) of the given lengths. */
async function condense({
  lengths,
  reply,
  budgetStop = () => undefined,
}: {
  lengths: number[];
  reply: (call: PromptCall) => ScriptedReply;
  budgetStop?: () => string | undefined;
}) {
  const plan = createPlan({ count: lengths.length, words: 300 });
  const store = await RunStore.open(await tempDir());
  const sections = await Promise.all(
    lengths.map(async (words, index) => {
      const text = prose(words, index + 1);
      const slug = slugify({ text: plan.sections[index]!.title });
      return { index, text, file: await store.writeSection({ index, slug, text }) };
    }),
  );
  const model = promptModel(reply);
  const events: RunEventInput[] = [];
  try {
    const result = await condenseToCeiling({
      task: createTask({ words: plan.words }),
      plan,
      sections,
      ceilingWords: Math.floor(plan.words * 1.2),
      store,
      settings,
      checks: defaultSectionChecks,
      call: {
        model,
        clock: createFakeClock(),
        retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 },
      },
      capacity: startCapacity({ previous: undefined, model: 'mock', configured: undefined }),
      budgetStop,
      emit: async (event) => {
        events.push(event);
      },
    });
    const stored = await store.readSections();
    const words = (list: { text: string }[]) => list.map((section) => countWords(section.text));
    return { result, model, events, words: words(result.sections), stored: words(stored) };
  } finally {
    await store.close();
  }
}

/** Writes what it is asked, new prose on every call. */
const obedient = ({ prompt, index }: PromptCall): ScriptedReply => ({
  text: prose(wordsAsked(prompt), 10 + index),
});

describe('condenseToCeiling', () => {
  it('leaves a document within the ceiling alone, without a call', async () => {
    const { result, model } = await condense({ lengths: [340, 340, 340], reply: obedient });
    expect(result.calls).toBe(0);
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it('condenses the longest sections of a document over the ceiling back to the target', async () => {
    const { result, words, stored, events, model } = await condense({
      lengths: [330, 600, 340],
      reply: obedient,
    });
    expect(words).toEqual([300, 300, 300]);
    expect(stored).toEqual(words);
    expect(result.calls).toBe(3);
    const asked = model.doStreamCalls.map((call) => JSON.stringify(call.prompt));
    expect(asked[0]).toContain('over its ceiling of 1080');
    expect(events.filter((event) => event.type === 'step-end')).toHaveLength(3);
  });

  it('makes room in the other sections when one will not shrink', async () => {
    // The second section comes back as long as it went in; the others go under their budget.
    const { words, result } = await condense({
      lengths: [330, 700, 330],
      reply: (call) =>
        call.prompt.includes(prose(700, 2).slice(0, 80)) ? { text: prose(700, 5) } : obedient(call),
    });
    expect(words[1]).toBe(700);
    expect(words[0]).toBeLessThan(300);
    expect(words[2]).toBeLessThan(300);
    // Two passes: the stubborn section is asked once, the others twice, down to 0.925×.
    expect(words[0]).toBe(278);
    expect(result.calls).toBe(5);
  });

  it('stops after one pass when no condensing shortens anything', async () => {
    const { words, result } = await condense({
      lengths: [500, 500, 500],
      reply: () => ({ text: prose(520, 4) }),
    });
    expect(words).toEqual([500, 500, 500]);
    expect(result.calls).toBe(3);
  });

  it('makes no call once the run budget is spent', async () => {
    const { result } = await condense({
      lengths: [600, 600, 600],
      reply: obedient,
      budgetStop: () => 'the token budget is spent',
    });
    expect(result.calls).toBe(0);
  });
});
