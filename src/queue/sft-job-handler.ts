import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSchemaIssue } from '../bench/describe-schema-issue.js';
import { type Config, ConfigSchema } from '../config/config-schema.js';
import { QueueError } from '../errors/queue-error.js';
import { QuireError } from '../errors/quire-error.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { runSftItem } from '../sft/run-sft-item.js';
import { type SftJobResult, SftJobSchema } from './sft-job.js';
import type { QueueJobHandler } from './start-queue-worker.js';
import { withWorkerSettings } from './worker-local-settings.js';

/**
 * Runs `quire sft` jobs on a worker: the job's data is checked (and its settings against the
 * configuration schema) before anything runs, then the instruction goes through `runSftItem`
 * exactly as in the local mode, with the worker's model, in a run directory of its own under
 * the system's temporary folder (never a path from the job), removed afterwards. An item that
 * cannot finish (a refused key, a model that kept failing) is returned as `failed` with its
 * error's code and message, so the producer records it once.
 */
export function sftJobHandler({
  model,
  config,
}: {
  model: ResolvedModel;
  /** The worker's configuration: its worker-local keys replace the job's. */
  config: Config;
}): QueueJobHandler {
  return async ({ data, jobId }): Promise<SftJobResult> => {
    const parsed = SftJobSchema.safeParse(data);
    if (!parsed.success) throw refused({ jobId, issue: parsed.error.issues[0] });
    const job = parsed.data;
    const settings = ConfigSchema.safeParse(
      withWorkerSettings({ shared: job.config, worker: config }),
    );
    if (!settings.success)
      throw refused({ jobId, issue: settings.error.issues[0], where: 'config' });
    const folder = await mkdtemp(join(tmpdir(), 'quire-worker-'));
    try {
      return await runSftItem({
        instruction: job.instruction,
        task: job.task,
        targetSource: job.targetSource,
        format: job.format,
        model,
        config: settings.data,
        runDirectory: join(folder, 'run'),
        minWords: job.minWords,
        filters: new Set(job.filters),
        thinking: job.thinking,
      });
    } catch (error) {
      return {
        kind: 'failed',
        code: QuireError.isQuireError(error) ? error.code : 'unexpected',
        category: QuireError.isQuireError(error) ? error.category : 'failure',
        message: error instanceof Error ? error.message : String(error),
      };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };
}

function refused({
  jobId,
  issue,
  where,
}: {
  jobId: string;
  issue: Parameters<typeof describeSchemaIssue>[0] | undefined;
  where?: string;
}): QueueError {
  const problem = issue ? describeSchemaIssue(issue) : 'it does not match the SFT job format';
  return new QueueError({
    problem: 'job-format',
    message: `Refused job ${jobId}: ${where ? `its ${where}: ` : ''}${problem}; nothing of it ran.`,
  });
}
