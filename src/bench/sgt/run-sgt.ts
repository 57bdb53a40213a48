import { join } from 'node:path';
import type { Config } from '../../config/config-schema.js';
import type { SegmentHeaderRule } from '../../evaluators/constraints/segment-header-rule.js';
import type { Judge } from '../../evaluators/judge.js';
import type { BenchAnswerer } from '../bench-answerer.js';
import { benchFiles } from '../bench-files.js';
import { type BenchSourceInput, resolveBenchSource } from '../bench-source.js';
import { type ItemEvent, type ResumableOutcome, runResumable } from '../run-resumable.js';
import { runSgtTask } from './run-sgt-task.js';
import type { SgtBenchTask } from './sgt-bench-task.js';
import { type SgtResult, SgtResultSchema } from './sgt-result-schema.js';
import { type SgtSummary, summariseSgt } from './summarise-sgt.js';

/** What the SGT runner reports as it goes. */
export type SgtEvent = ItemEvent<SgtBenchTask, SgtResult>;

/** The outcome of an SGT run over the selected tasks, with its table. */
export interface SgtRunResult extends ResumableOutcome<SgtResult> {
  summary: SgtSummary;
}

/**
 * Runs SGT-style tasks into an opened benchmark folder (`openBenchFolder`): tasks already in
 * its `results.jsonl` are skipped, the others run `concurrency` at a time, each appended as it
 * finishes. Returns every result of the selection and the summary per scenario and type. With
 * `mode: 'predictions'` the tasks carry their answers and no model is called.
 */
export async function runSgt({
  tasks,
  mode,
  model,
  config,
  judge,
  outDir,
  headers = 'sgt',
  storedVerdicts = true,
  concurrency = 2,
  answer,
  abortSignal,
  onEvent,
}: BenchSourceInput & {
  tasks: readonly SgtBenchTask[];
  config: Config;
  judge?: Judge;
  outDir: string;
  /** How segment headers are read; SGT's own rule unless `lenient`. */
  headers?: SegmentHeaderRule;
  /** Decide checks by the judge verdicts stored with predicted answers, when present. */
  storedVerdicts?: boolean;
  concurrency?: number;
  /** Who produces the answers; here unless given (`--queue`). */
  answer?: BenchAnswerer;
  abortSignal?: AbortSignal;
  onEvent?: (event: SgtEvent) => void;
}): Promise<SgtRunResult> {
  const source = resolveBenchSource({ mode, model } as BenchSourceInput);
  const outcome = await runResumable({
    items: tasks,
    resultsPath: join(outDir, benchFiles.results),
    schema: SgtResultSchema,
    concurrency,
    abortSignal,
    onEvent,
    runItem: ({ item, abortSignal: signal }) =>
      runSgtTask({
        task: item,
        ...source,
        config,
        judge,
        outDir,
        headers,
        storedVerdicts,
        answer,
        abortSignal: signal,
      }),
  });
  return { ...outcome, summary: summariseSgt({ results: outcome.results }) };
}
