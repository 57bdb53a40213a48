import type { Config } from '../config/config-schema.js';
import { writeRun } from '../control/write-run.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { RunStore } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import { type BenchAnswer, benchUsage } from './bench-answer.js';

/**
 * Runs the whole quire pipeline for one item in its own run directory: plan, write, check,
 * assemble. A directory left by a killed session is resumed, not restarted, so finished
 * sections are never paid for twice. The answer is the assembled `document.md`.
 */
export async function answerWithQuire({
  directory,
  task,
  config,
  model,
  abortSignal,
}: {
  directory: string;
  task: Task;
  config: Config;
  model: ResolvedModel;
  abortSignal?: AbortSignal;
}): Promise<BenchAnswer> {
  const store = await RunStore.open(directory);
  try {
    const result = await writeRun({ store, task, config, model, abortSignal });
    return {
      response: result.document,
      usage: benchUsage(result.info.usage),
      elapsedSeconds: result.info.elapsedSeconds,
      runDirectory: directory,
      finishReason: null,
      report: result.report,
    };
  } finally {
    await store.close();
  }
}
