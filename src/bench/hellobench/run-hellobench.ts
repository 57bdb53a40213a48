import { join } from 'node:path';
import type { Config } from '../../config/config-schema.js';
import type { Judge } from '../../evaluators/judge.js';
import { type ModelInput, resolveModelInput } from '../../model/resolve-model-input.js';
import { benchFiles } from '../bench-files.js';
import type { ModelMode } from '../bench-mode.js';
import { type ItemEvent, type ResumableOutcome, runResumable } from '../run-resumable.js';
import type { HellobenchItem } from './hellobench-item.js';
import { type HellobenchResult, HellobenchResultSchema } from './hellobench-result-schema.js';
import { runHellobenchItem } from './run-hellobench-item.js';
import { type HellobenchSummary, summariseHellobench } from './summarise-hellobench.js';

/** What the HelloBench runner reports as it goes. */
export type HellobenchEvent = ItemEvent<HellobenchItem, HellobenchResult>;

/** The outcome of a HelloBench run over the selected items, with its tables. */
export interface HellobenchRunResult extends ResumableOutcome<HellobenchResult> {
  summary: HellobenchSummary;
}

/**
 * Runs HelloBench over `items` into an opened benchmark folder (`openBenchFolder`): items
 * already in its `results.jsonl` are skipped, the others run `concurrency` at a time, each
 * appended as it finishes. Returns every result of the selection and the summary, grouped by
 * `groups` (the lengths or task types asked for, in order, so an empty one still has its row).
 */
export async function runHellobench({
  items,
  groups,
  mode,
  model: given,
  config,
  judge,
  outDir,
  concurrency = 4,
  abortSignal,
  onEvent,
}: {
  items: readonly HellobenchItem[];
  groups: readonly string[];
  mode: ModelMode;
  /** A spec, an AI SDK model object, or a resolved model. */
  model: ModelInput;
  config: Config;
  judge?: Judge;
  outDir: string;
  concurrency?: number;
  abortSignal?: AbortSignal;
  onEvent?: (event: HellobenchEvent) => void;
}): Promise<HellobenchRunResult> {
  const model = resolveModelInput({ model: given });
  const outcome = await runResumable({
    items,
    resultsPath: join(outDir, benchFiles.results),
    schema: HellobenchResultSchema,
    concurrency,
    abortSignal,
    onEvent,
    runItem: ({ item, abortSignal: signal }) =>
      runHellobenchItem({ item, mode, model, config, judge, outDir, abortSignal: signal }),
  });
  return { ...outcome, summary: summariseHellobench({ results: outcome.results, groups }) };
}
