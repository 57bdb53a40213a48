import { ConfigSchema } from '../../src/config/config-schema.js';
import { emptyLedger, type Ledger } from '../../src/control/ledger/ledger-schema.js';
import { mergeLedgerUpdate } from '../../src/control/ledger/merge-ledger-update.js';
import { createRunInfo } from '../../src/control/run-info.js';
import type { SectionStepSettings } from '../../src/control/run-section-step.js';
import type { DraftPlan } from '../../src/planner/draft-plan-schema.js';
import type { Plan, PlanSection } from '../../src/planner/plan-schema.js';
import type { RunInfo } from '../../src/store/run-info-schema.js';
import { type Task, type TaskInput, TaskSchema } from '../../src/task/task-schema.js';
import { promptModel } from './prompt-model.js';

/** A task with sensible defaults; override what the test is about. */
export function createTask(overrides: Partial<TaskInput> = {}): Task {
  return TaskSchema.parse({
    prompt: 'Write a guide to tides',
    words: 3_000,
    lang: 'en',
    ...overrides,
  });
}

/** A drafted plan of `count` sections of `words` each. */
export function createDraft({
  count = 5,
  words = 600,
  placements = [],
}: {
  count?: number;
  words?: number;
  placements?: DraftPlan['placements'];
} = {}): DraftPlan {
  return {
    title: 'Tides',
    sections: Array.from({ length: count }, (_, index) => ({
      title: `Topic ${index + 1}`,
      brief: `What topic ${index + 1} covers, in detail.`,
      words,
    })),
    placements,
  };
}

/** A plan of `count` sections with the given budgets. */
export function createPlan({
  count = 3,
  words = 500,
  sections = [],
}: {
  count?: number;
  words?: number;
  sections?: Array<Partial<PlanSection>>;
} = {}): Plan {
  const list = Array.from({ length: Math.max(count, sections.length) }, (_, index) => ({
    id: `s${String(index + 1).padStart(3, '0')}`,
    title: `Section ${index + 1}`,
    brief: `The point of section ${index + 1}.`,
    words,
    constraints: [],
    ...sections[index],
  }));
  return {
    version: 1,
    title: 'A test document',
    words: list.reduce((sum, section) => sum + section.words, 0),
    sections: list,
  };
}

/** Settings of the write-check-repair loop, adaptive, with the defaults' tolerances. */
export function createStepSettings(
  overrides: Partial<SectionStepSettings> = {},
): SectionStepSettings {
  return {
    lengthTolerance: 0.15,
    maxOverlap: 0.2,
    repairAttempts: 2,
    continuationAttempts: 2,
    lengthPolicy: 'adaptive',
    maxCallsPerSection: 12,
    minWordsPerReply: 50,
    minProgress: 0.25,
    ...overrides,
  };
}

/** A WritingBench item as its benchmark file holds it (one line of `benchmark_all.jsonl`). */
export function createWritingBenchItem(criteria = 2) {
  return {
    index: 7,
    domain1: 'Finance & Business',
    domain2: 'Reports',
    lang: 'en',
    query: 'Write a quarterly report for a bakery.',
    checklist: Array.from({ length: criteria }, (_, index) => ({
      name: `Criterion ${index + 1}`,
      criteria_description: `What criterion ${index + 1} asks.`,
      '1-2': 'Fails it.',
      '3-4': 'Poor.',
      '5-6': 'Adequate.',
      '7-8': 'Good.',
      '9-10': 'Excellent.',
    })),
  };
}

/**
 * A ledger as `count` sections of `createPlan` would leave it: per section one named keeper
 * with a figure, two claims of `claimWords` words each (from `claim`), and one open thread.
 */
export function createLedger({
  count,
  claim = (seed: number) => `The harbour fee was set at ${seed} pence in section ${seed}.`,
}: {
  count: number;
  claim?: (seed: number) => string;
}): Ledger {
  let ledger = emptyLedger;
  const sectionIds = createPlan({ count: count + 1 }).sections.map((section) => section.id);
  for (let index = 0; index < count; index++) {
    ledger = mergeLedgerUpdate({
      ledger,
      sectionId: sectionIds[index]!,
      sectionIds,
      update: {
        entities: [
          {
            name: `Keeper ${index + 1}`,
            kind: 'person',
            attributes: [{ name: 'tenure', value: `${index + 3} years` }],
          },
        ],
        claims: [claim(index), claim(index + 100)],
        threadsOpened: [{ text: `Who paid for light ${index + 1}?`, resolveIn: '' }],
        threadsResolved: [],
      },
    });
  }
  return ledger;
}

/**
 * A fresh run.json for `task` and `config`, written on 2026-01-01 by the sim or, given a hosted
 * `spec` such as `openai:gpt-4o`, by that model (priced as it).
 */
export function createInfo({
  task = createTask(),
  config = {},
  spec = 'sim',
}: {
  task?: Task;
  config?: object;
  spec?: string;
} = {}): RunInfo {
  return createRunInfo({
    task,
    config: ConfigSchema.parse(config),
    model: {
      model: promptModel(() => ({ text: '' })),
      spec,
      modelId: spec.split(':').at(-1)!,
      simulated: spec === 'sim',
    },
    now: Date.parse('2026-01-01T00:00:00Z'),
  });
}
