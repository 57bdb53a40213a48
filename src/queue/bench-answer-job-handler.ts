import { join } from 'node:path';
import { answerHere } from '../bench/bench-answerer.js';
import type { Config } from '../config/config-schema.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { type BenchAnswerJobResult, BenchAnswerJobSchema } from './bench-answer-job.js';
import { runJobHere } from './run-job-here.js';
import type { QueueJobHandler } from './start-queue-worker.js';

/**
 * Runs benchmark answer jobs on a worker: the job's data is checked before anything runs, then
 * the answer is produced by `answerHere`, as a local benchmark does, with the worker's model
 * (see `runJobHere`). The run directory is the worker's and is removed: only the answer, its
 * usage and time go back.
 */
export function benchAnswerJobHandler({
  model,
  config,
}: {
  model: ResolvedModel;
  /** The worker's configuration. */
  config: Config;
}): QueueJobHandler {
  return async ({ data, jobId }): Promise<BenchAnswerJobResult> =>
    runJobHere({
      jobId,
      data,
      schema: BenchAnswerJobSchema,
      worker: config,
      work: async ({ job, config: settings, folder }) => {
        const answer = await answerHere({
          mode: job.mode,
          prompt: job.prompt,
          task: job.task,
          seed: job.seed,
          directory: join(folder, 'run'),
          model,
          config: settings,
        });
        return {
          kind: 'answer' as const,
          response: answer.response,
          usage: answer.usage,
          elapsedSeconds: answer.elapsedSeconds,
          finishReason: answer.finishReason,
        };
      },
    });
}
