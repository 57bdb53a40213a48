import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../src/config/config-schema.js';
import type { RunEvent } from '../../../src/control/run-events.js';
import { writeRun } from '../../../src/control/write-run.js';
import { BudgetExceededError } from '../../../src/errors/budget-exceeded-error.js';
import { createSimModel } from '../../../src/sim/create-sim-model.js';
import { RunStore } from '../../../src/store/run-store.js';
import { createPlan, createTask } from '../../helpers/builders.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();

/** Runs a six-section plan on the in-process sim with `parallel` steps at once. */
async function run({
  parallel,
  maxTokens,
  directory,
}: {
  parallel: number;
  maxTokens?: number;
  directory?: string;
}) {
  const store = await RunStore.open(directory ?? (await tempDir()));
  const events: RunEvent[] = [];
  const config = ConfigSchema.parse({ write: { quality: 'fast', parallel, minSectionWords: 100 } });
  try {
    const result = await writeRun({
      store,
      task: createTask({ words: 1_200 }),
      config,
      model: {
        model: createSimModel({ ttft: '20ms', seed: 3 }),
        spec: 'sim',
        modelId: 'sim',
        simulated: true,
      },
      suppliedPlan: createPlan({ count: 6, words: 200 }),
      budget: { maxTokens },
      onEvent: (event) => events.push(event),
    });
    return { result, events, store };
  } finally {
    await store.close();
  }
}

/** The most sections whose first step had started and not yet ended, at any point. */
function mostInFlight(events: RunEvent[]): number {
  const open = new Set<string>();
  let most = 0;
  for (const event of events) {
    if (event.type === 'step-start' && event.attempt === 1) open.add(event.sectionId);
    if (event.type === 'step-end') open.delete(event.sectionId);
    most = Math.max(most, open.size);
  }
  return most;
}

describe('parallel drafting', () => {
  it('drafts up to N sections at once and commits and journals each exactly once', async () => {
    const { result, events } = await run({ parallel: 4 });
    expect(result.info.status).toBe('completed');
    expect(mostInFlight(events)).toBe(4);
    const ended = events
      .filter((event) => event.type === 'step-end')
      .map((event) => event.sectionId);
    expect([...ended].sort()).toEqual(result.plan.sections.map((section) => section.id).sort());
    expect(result.document.split('\n## ').length).toBe(7);
  });

  it('drafts one section at a time with N = 1', async () => {
    const { result, events } = await run({ parallel: 1 });
    expect(result.info.status).toBe('completed');
    expect(mostInFlight(events)).toBe(1);
  });

  it('tells each section in flight its neighbours and where it starts and ends', async () => {
    const prompts: string[] = [];
    const model = createSimModel({ seed: 1 });
    const store = await RunStore.open(await tempDir());
    const plan = { ...createPlan({ count: 3, words: 200 }), facts: ['The ship is called Wren.'] };
    try {
      await writeRun({
        store,
        task: createTask({ words: 600 }),
        config: ConfigSchema.parse({
          write: { quality: 'fast', parallel: 3, minSectionWords: 100 },
        }),
        model: {
          model: {
            ...model,
            specificationVersion: model.specificationVersion,
            provider: model.provider,
            modelId: model.modelId,
            supportedUrls: model.supportedUrls,
            doGenerate: (options) => model.doGenerate(options),
            doStream: (options) => {
              prompts.push(JSON.stringify(options.prompt));
              return model.doStream(options);
            },
          },
          spec: 'sim',
          modelId: 'sim',
          simulated: true,
        },
        suppliedPlan: plan,
      });
    } finally {
      await store.close();
    }
    const middle = prompts.find((prompt) => prompt.includes('Section 2 of 3'));
    expect(middle).toContain('The point of section 1.');
    expect(middle).toContain('The point of section 3.');
    expect(middle).toContain('The ship is called Wren.');
    expect(middle).toContain('Start where the section before leaves off');
  });

  it('stops before a section whose reservation would pass --max-tokens while others are in flight', async () => {
    const directory = await tempDir();
    const error = await run({ parallel: 6, maxTokens: 6_000, directory }).catch((caught) => caught);
    expect(error).toBeInstanceOf(BudgetExceededError);
    const store = await RunStore.open(directory);
    try {
      const info = await store.readInfo();
      const spent = info.usage.inputTokens + info.usage.outputTokens;
      // Without reservations all six would start at once and spend about four times the limit.
      expect(spent).toBeLessThan(6_000 * 1.5);
      expect((await store.readSections()).length).toBeLessThan(6);
    } finally {
      await store.close();
    }
  });
});
