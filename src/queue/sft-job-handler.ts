import { join } from 'node:path';
import type { Config } from '../config/config-schema.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { runSftItem } from '../sft/run-sft-item.js';
import { refusedJob, runJobHere } from './run-job-here.js';
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
  return async ({ data, jobId }): Promise<SftJobResult> => {
    const parsed = SftJobSchema.safeParse(data);
    if (!parsed.success)
      throw refusedJob({ jobId, issue: parsed.error.issues[0], where: 'its data' });
    const job = parsed.data;
    return runJobHere({
      jobId,
      shared: job.config,
      worker: config,
      work: ({ config: settings, folder }) =>
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
  };
}
