import { join } from 'node:path';
import type { Config } from '../config/config-schema.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { runSftItem } from '../sft/run-sft-item.js';
import { runJobHere } from './run-job-here.js';
import { type SftJobResult, SftJobSchema } from './sft-job.js';
import type { QueueJobHandler } from './start-queue-worker.js';

/**
 * Runs `quire sft` jobs on a worker: the job's data is checked before anything runs, then the
 * instruction goes through `runSftItem` exactly as in the local mode, with the worker's model,
 * in a run directory under the worker's own temporary folder (see `runJobHere`).
 */
export function sftJobHandler({
  model,
  config,
}: {
  model: ResolvedModel;
  /** The worker's configuration. */
  config: Config;
}): QueueJobHandler {
  return async ({ data, jobId }): Promise<SftJobResult> =>
    runJobHere({
      jobId,
      data,
      schema: SftJobSchema,
      worker: config,
      work: ({ job, config: settings, folder }) =>
        runSftItem({
          instruction: job.instruction,
          task: job.task,
          targetSource: job.targetSource,
          format: job.format,
          model,
          config: settings,
          runDirectory: join(folder, 'run'),
          minWords: job.minWords,
          filters: new Set(job.filters),
          thinking: job.thinking,
        }),
    });
}
