import { join } from 'node:path';
import type { Config } from '../../config/config-schema.js';
import type { Judge } from '../../evaluators/judge.js';
import type { BenchAnswerer } from '../bench-answerer.js';
import { benchFiles } from '../bench-files.js';
import { type BenchSourceInput, resolveBenchSource } from '../bench-source.js';
import { type ItemEvent, type ResumableOutcome, runResumable } from '../run-resumable.js';
import type { LongbenchItem } from './longbench-item.js';
import { type LongbenchResult, LongbenchResultSchema } from './longbench-result-schema.js';
import { runLongbenchItem } from './run-longbench-item.js';
import { type LongbenchSummary, summariseLongbench } from './summarise-longbench.js';

/** What the LongBench-Write runner reports as it goes. */
export type LongbenchEvent = ItemEvent<LongbenchItem, LongbenchResult>;

/** The outcome of a LongBench-Write run over the selected items, with its table. */
export interface LongbenchRunResult extends ResumableOutcome<LongbenchResult> {
  summary: LongbenchSummary;
}

/**
 * Runs LongBench-Write over `items` into an opened benchmark folder (`openBenchFolder`): items
 * already in its `results.jsonl` are skipped, the others run `concurrency` at a time, each
 * appended as it finishes. Returns every result of the selection and the summary table. With
 * `mode: 'predictions'` the items carry their answers and no model is called.
 */
export async function runLongbench({
  items,
  mode,
  model,
  config,
  judge,
  outDir,
  concurrency = 4,
  answer,
  abortSignal,
  onEvent,
}: BenchSourceInput & {
  items: readonly LongbenchItem[];
  config: Config;
  judge?: Judge;
  outDir: string;
  concurrency?: number;
  /** Who produces the answers; here unless given (`--queue`). */
  answer?: BenchAnswerer;
  abortSignal?: AbortSignal;
  onEvent?: (event: LongbenchEvent) => void;
}): Promise<LongbenchRunResult> {
  const source = resolveBenchSource({ mode, model } as BenchSourceInput);
  const outcome = await runResumable({
    items,
    resultsPath: join(outDir, benchFiles.results),
    schema: LongbenchResultSchema,
    concurrency,
    abortSignal,
    onEvent,
    runItem: ({ item, abortSignal: signal }) =>
      runLongbenchItem({
        item,
        ...source,
        config,
        judge,
        outDir,
        answer,
        abortSignal: signal,
      }),
  });
  return {
    ...outcome,
    summary: summariseLongbench({ results: outcome.results, gate: config.lengthGate }),
  };
}
