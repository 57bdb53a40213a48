import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { type Config, ConfigSchema } from '../config/config-schema.js';
import { QueueError } from '../errors/queue-error.js';
import { describeSchemaIssue } from '../util/describe-schema-issue.js';
import { type JobFailure, jobFailure } from './job-failure.js';
import { withWorkerSettings } from './worker-local-settings.js';

/**
 * Runs a job on this worker: its data is checked against `schema` and its settings (the
 * producer's, with the worker's own model, address and key put back) against the configuration
 * schema, before anything runs; a job that fails either is refused. Then `work` runs with a
 * folder of its own under the system's temporary folder (never a path from the job), removed
 * afterwards. An error of the work comes back as a `failed` result, so the producer records it
 * once.
 */
export async function runJobHere<JOB extends { config: Record<string, unknown> }, RESULT>({
  jobId,
  data,
  schema,
  worker,
  work,
}: {
  jobId: string;
  /** The job's data as the queue gave it. */
  data: unknown;
  /** The job format. */
  schema: z.ZodType<JOB>;
  /** The worker's configuration. */
  worker: Config;
  work: (input: { job: JOB; config: Config; folder: string }) => Promise<RESULT>;
}): Promise<RESULT | JobFailure> {
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw refusedJob({ jobId, issue: parsed.error.issues[0], where: 'its data' });
  const job = parsed.data;
  const settings = ConfigSchema.safeParse(withWorkerSettings({ shared: job.config, worker }));
  if (!settings.success)
    throw refusedJob({ jobId, issue: settings.error.issues[0], where: 'its settings' });
  const folder = await mkdtemp(join(tmpdir(), 'quire-worker-'));
  try {
    return await work({ job, config: settings.data, folder });
  } catch (error) {
    return jobFailure(error);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The error that refuses a job whose data does not match its format. Pure. */
function refusedJob({
  jobId,
  issue,
  where,
}: {
  jobId: string;
  issue: Parameters<typeof describeSchemaIssue>[0] | undefined;
  where: string;
}): QueueError {
  const problem = issue ? describeSchemaIssue(issue) : 'it does not match the job format';
  return new QueueError({
    problem: 'job-format',
    message: `Refused job ${jobId}: ${where}: ${problem}; nothing of it ran.`,
  });
}
