import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';
import { describe, expect, it } from 'vitest';
import { type ConfigInput, ConfigSchema } from '../../src/config/config-schema.js';
import type { RunEvent } from '../../src/control/run-events.js';
import { writeRun } from '../../src/control/write-run.js';
import { BudgetExceededError } from '../../src/errors/budget-exceeded-error.js';
import type { ModelObject } from '../../src/model/call-settings.js';
import { resolveModelInput } from '../../src/model/resolve-model-input.js';
import { RunStore } from '../../src/store/run-store.js';
import { createTask } from '../helpers/builders.js';
import { useTempDir } from '../helpers/temp-dir.js';

// What a write run does after drafting: the seam pass over sections drafted in parallel, the
// whole-document review, and how either ends the run when the budget runs out on the way.
const tempDir = useTempDir();
const task = createTask({
  prompt: 'Write a 1,500-word history of the harbour pilots of Lisbon and their guild',
  words: 1_500,
});

/** The sim, with every prompt it is sent kept in order (as the user messages' text). */
function recordedSim(spec: string) {
  const resolved = resolveModelInput({ model: spec });
  const prompts: string[] = [];
  const model = wrapLanguageModel({
    model: resolved.model as Parameters<typeof wrapLanguageModel>[0]['model'],
    middleware: {
      specificationVersion: 'v3',
      transformParams: async ({ params }: { params: LanguageModelV3CallOptions }) => {
        prompts.push(promptText(params));
        return params;
      },
    },
  });
  return { model: { ...resolved, model: model as ModelObject }, prompts };
}

function promptText(params: LanguageModelV3CallOptions): string {
  return params.prompt
    .flatMap((message) =>
      message.role === 'user' || message.role === 'system'
        ? typeof message.content === 'string'
          ? [message.content]
          : message.content.flatMap((part) => (part.type === 'text' ? [part.text] : []))
        : [],
    )
    .join('\n');
}

async function run({
  spec,
  config,
  maxTokens,
}: {
  spec: string;
  config: ConfigInput;
  maxTokens?: number;
}) {
  const directory = await tempDir();
  const store = await RunStore.open(directory);
  const { model, prompts } = recordedSim(spec);
  const events: RunEvent[] = [];
  const statusAtStart: string[] = [];
  try {
    const result = await writeRun({
      store,
      task,
      config: ConfigSchema.parse(config),
      model,
      ...(maxTokens === undefined ? {} : { budget: { maxTokens } }),
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'run-start') {
          statusAtStart.push(JSON.parse(readFileSync(join(directory, 'run.json'), 'utf8')).status);
        }
      },
    }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    return { result, directory, events, prompts, statusAtStart };
  } finally {
    await store.close();
  }
}

const standard = {
  write: { quality: 'standard', thinkNotes: 'off', candidates: 1 },
  plan: { critiqueRounds: 0 },
  review: { rounds: 1 },
} satisfies ConfigInput;

describe('a write run after drafting', () => {
  it('reviews the draft, shown the ledger facts with their sections, as a stage of its own', async () => {
    const { result, events, prompts, statusAtStart } = await run({
      spec: 'sim:seed=7,defects=0.5',
      config: standard,
    });
    if (result instanceof Error) throw result;
    expect(statusAtStart).toEqual(['running']);
    const stages = result.info.stages!;
    expect(stages.review!.calls).toBeGreaterThan(0);
    // No best of N here, so nothing is counted apart from drafting.
    expect(stages.candidates).toBeUndefined();
    expect(stages.seams).toBeUndefined();
    const review = prompts.find((prompt) => prompt.includes('# Facts established so far'));
    expect(review).toMatch(/^- .+ \[s\d{3}\]$/m);
    // A window the server reported: no warning that it was assumed.
    expect(events.some((event) => event.type === 'run-warning')).toBe(false);
  }, 60_000);

  it('checks the seams of sections drafted in parallel, shown the ledger facts, before the review', async () => {
    const { result, prompts } = await run({
      spec: 'sim:seed=2,seams=0.5',
      config: { ...standard, write: { ...standard.write, parallel: 3 } },
    });
    if (result instanceof Error) throw result;
    const stages = result.info.stages!;
    expect(stages.seams!.calls).toBeGreaterThan(0);
    expect(stages.review!.calls).toBeGreaterThan(0);
    const seamCheck = prompts.findIndex((prompt) =>
      prompt.includes('Facts the document established:'),
    );
    const review = prompts.findIndex((prompt) => prompt.includes('# Facts established so far'));
    expect(seamCheck).toBeGreaterThan(-1);
    expect(seamCheck).toBeLessThan(review);
    expect(prompts[seamCheck]).toMatch(/^- .+ \[s\d{3}\]$/m);
  }, 60_000);

  it('reviews nothing when the level asks for no review rounds', async () => {
    const { result, prompts } = await run({
      spec: 'sim:seed=7,defects=0.5',
      config: { ...standard, review: { rounds: 0 } },
    });
    if (result instanceof Error) throw result;
    expect(result.info.stages?.review).toBeUndefined();
    expect(prompts.some((prompt) => prompt.includes('# Facts established so far'))).toBe(false);
  }, 60_000);

  it('stops in the review when the budget runs out there: stopped in run.json and the journal, with the reason', async () => {
    const whole = await run({ spec: 'sim:seed=7,defects=0.5', config: standard });
    if (whole.result instanceof Error) throw whole.result;
    const stages = whole.result.info.stages!;
    const drafting = [stages.planning, stages.drafting].reduce(
      (sum, stage) => sum + (stage ? stage.inputTokens + stage.outputTokens : 0),
      0,
    );
    // Exactly what drafting the whole document spends: the review has nothing left to call with.
    const stopped = await run({
      spec: 'sim:seed=7,defects=0.5',
      config: standard,
      maxTokens: drafting,
    });
    expect(stopped.result).toBeInstanceOf(BudgetExceededError);
    // Every section was drafted: it was the review that found the budget spent.
    const drafted = stopped.events.filter((event) => event.type === 'step-end');
    expect(drafted).toHaveLength(whole.result.plan.sections.length);
    const error = stopped.result as BudgetExceededError;
    const info = JSON.parse(await readFile(join(stopped.directory, 'run.json'), 'utf8'));
    expect(info.status).toBe('stopped');
    expect(info.stopReason).toMatch(/token/);
    expect(error.message).toContain(info.stopReason);
    const end = stopped.events.at(-1);
    expect(end).toMatchObject({ type: 'run-end', status: 'stopped', reason: info.stopReason });
  }, 120_000);
});
