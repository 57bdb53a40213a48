import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { sectionWordsThatFit } from '../../src/control/context/section-words-that-fit.js';
import { ensurePlan } from '../../src/control/ensure-plan.js';
import type { RunEventInput } from '../../src/control/run-events.js';
import { ContextWindow } from '../../src/model/context/context-window.js';
import { estimateCounter } from '../../src/model/tokens/token-counter.js';
import { critiquePaths } from '../../src/store/critique-files.js';
import { RunStore } from '../../src/store/run-store.js';
import { createPlan, createTask } from '../helpers/builders.js';
import { draftPlanJson, promptModel } from '../helpers/prompt-model.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const stores: RunStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

const config = ConfigSchema.parse({ write: { minSectionWords: 100 } });

/** A planner whose plan has `count` sections of `words`, thinking before it when `reasoning`. */
function plannerModel({
  count = 4,
  words = 500,
  reasoning,
}: {
  count?: number;
  words?: number;
  reasoning?: string;
} = {}) {
  return promptModel(() => ({ text: draftPlanJson({ count, words }), reasoning }));
}

/** Ensures the plan of a run in `directory` (a new one by default), recording what it journals. */
async function ensure({
  directory,
  model = plannerModel(),
  critiqueRounds = 0,
  suppliedPlan,
  task = createTask({ words: 2_000 }),
  window,
  thinkingTokens,
}: {
  directory?: string;
  model?: ReturnType<typeof plannerModel>;
  critiqueRounds?: number;
  suppliedPlan?: ReturnType<typeof createPlan>;
  task?: ReturnType<typeof createTask>;
  window?: ContextWindow;
  thinkingTokens?: number;
} = {}) {
  const store = await RunStore.open(directory ?? (await tempDir()));
  stores.push(store);
  const events: RunEventInput[] = [];
  const result = await ensurePlan({
    store,
    task,
    config,
    call: { model, window, thinkingTokens },
    suppliedPlan,
    critiqueRounds,
    emit: async (event) => {
      events.push(event);
    },
  });
  const read = (name: string) => readFile(join(store.directory, name), 'utf8').then(JSON.parse);
  return { result, events, store, model, read };
}

describe('ensurePlan', () => {
  it('asks the planner, stores the plan and journals where it came from', async () => {
    const { result, events, read, model } = await ensure();
    expect(model.doStreamCalls).toHaveLength(1);
    expect(result.critique).toBe(false);
    expect(result.plan.sections).toHaveLength(4);
    expect(await read('plan.json')).toEqual(result.plan);
    expect(events).toEqual([
      {
        type: 'plan-end',
        sections: 4,
        words: result.plan.words,
        source: 'model',
        attempts: 1,
        findings: expect.any(Array),
      },
    ]);
  });

  it('keeps the planner’s thinking beside the plan', async () => {
    const { store } = await ensure({ model: plannerModel({ reasoning: 'Four parts, by era.' }) });
    expect(await readFile(join(store.directory, 'thinking', 'plan.md'), 'utf8')).toBe(
      'Four parts, by era.\n',
    );
  });

  it('stores a plan to be critiqued as the draft, never as plan.json', async () => {
    const { result, read, store } = await ensure({ critiqueRounds: 2 });
    expect(result.critique).toBe(true);
    expect(await read(critiquePaths.draft)).toEqual(result.plan);
    expect(await store.readPlan()).toBeUndefined();
  });

  it('stores the draft where a crash left its folder behind', async () => {
    const directory = await tempDir();
    await mkdir(join(directory, dirname(critiquePaths.draft)));
    const { result, read } = await ensure({ directory, critiqueRounds: 1 });
    expect(await read(critiquePaths.draft)).toEqual(result.plan);
  });

  it('never critiques a plan built around a constraints file', async () => {
    const task = createTask({
      words: 2_000,
      constraints: {
        version: 1,
        unit: 'Week',
        segments: 4,
        constraints: [{ type: 'once', segment: 1, event: 'harbour fair' }],
      },
    });
    // The plan's segments come from the file: the model writes only their briefs.
    const model = promptModel(() => ({
      text: JSON.stringify({
        briefs: [1, 2, 3, 4].map((segment) => ({ segment, brief: `What week ${segment} holds.` })),
      }),
    }));
    const { result, read } = await ensure({ critiqueRounds: 2, task, model });
    expect(result.critique).toBe(false);
    expect(await read('plan.json')).toEqual(result.plan);
  });

  it('stores and journals a plan the user supplied, without a call or a critique', async () => {
    const suppliedPlan = createPlan({ count: 3, words: 400 });
    const { result, events, read, model } = await ensure({ suppliedPlan, critiqueRounds: 2 });
    expect(model.doStreamCalls).toHaveLength(0);
    expect(result).toEqual({ plan: suppliedPlan, critique: false });
    expect(await read('plan.json')).toEqual(suppliedPlan);
    expect(events).toEqual([
      { type: 'plan-end', sections: 3, words: 1_200, source: 'file', attempts: 0, findings: [] },
    ]);
  });

  it('reads back the plan of a resumed run, and a draft still awaiting its critique', async () => {
    const first = await ensure({ critiqueRounds: 1 });
    const directory = first.store.directory;
    const draft = first.result.plan;
    const resumedDraft = await ensure({ directory, critiqueRounds: 1, suppliedPlan: createPlan() });
    expect(resumedDraft.result).toEqual({ plan: draft, critique: true });
    expect(resumedDraft.model.doStreamCalls).toHaveLength(0);
    expect(resumedDraft.events).toEqual([
      {
        type: 'plan-end',
        sections: 4,
        words: draft.words,
        source: 'resumed',
        attempts: 0,
        findings: [],
      },
    ]);
    const critiqued = createPlan({ count: 2, words: 1_000 });
    await first.store.writePlan(critiqued);
    const resumed = await ensure({ directory, critiqueRounds: 1 });
    expect(resumed.result).toEqual({ plan: critiqued, critique: false });
  });

  it('plans sections small enough for one reply and its thinking to fit the context window', async () => {
    const window = new ContextWindow({
      state: { tokens: 2_600, source: 'config' },
      counter: estimateCounter,
    });
    const task = createTask({ words: 2_400 });
    const fits = (thinkingTokens: number) =>
      sectionWordsThatFit({
        window,
        request: task.prompt,
        thinkingTokens,
        maxSectionWords: config.write.maxSectionWords,
        minSectionWords: config.write.minSectionWords,
      });
    // Two sections of 1,200 words: without room to think, each would be halved; with it, cut in three.
    expect(fits(0)).toBeGreaterThanOrEqual(600);
    const model = plannerModel({ count: 2, words: 1_200 });
    const { result } = await ensure({ window, thinkingTokens: 300, task, model });
    const largest = Math.max(...result.plan.sections.map((section) => section.words));
    expect(largest).toBeLessThanOrEqual(fits(300));
    expect(result.plan.sections).toHaveLength(6);
  });
});
