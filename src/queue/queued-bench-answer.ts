import type { BenchAnswerer } from '../bench/bench-answerer.js';
import { QueueError } from '../errors/queue-error.js';
import {
  type BenchAnswerJob,
  BenchAnswerJobResultSchema,
  benchAnswerJobId,
} from './bench-answer-job.js';
import { remoteItemError } from './job-failure.js';
import type { QueueClient } from './queue-client.js';
import { queueFormatVersion } from './queue-format.js';
import { sharedSettings } from './worker-local-settings.js';

/**
 * Benchmark answers produced by queue workers: each request becomes a job, and the answer the
 * worker returns (checked against the job result format) is returned as if produced here. Its
 * run directory stayed on the worker, so none is recorded. A worker's failure is thrown with
 * the worker's code and message.
 */
export function queuedBenchAnswer(client: QueueClient): BenchAnswerer {
  return async ({ mode, prompt, task, seed, config, abortSignal }) => {
    const job: BenchAnswerJob = {
      formatVersion: queueFormatVersion,
      mode,
      prompt,
      task,
      ...(seed === undefined ? {} : { seed }),
      config: sharedSettings(config),
    };
    const jobId = benchAnswerJobId(job);
    const returned = await client.run({
      name: 'bench-answer',
      jobId,
      data: job,
      abortSignal: abortSignal ?? new AbortController().signal,
    });
    const result = BenchAnswerJobResultSchema.safeParse(returned);
    if (!result.success || result.data.kind === 'failed') {
      await client.forget(jobId);
      if (result.success && result.data.kind === 'failed') throw remoteItemError(result.data);
      throw new QueueError({
        problem: 'job-format',
        message: `Job ${jobId} returned a result that is not a benchmark answer: run the same quire version on every machine.`,
      });
    }
    const { response, usage, elapsedSeconds, finishReason } = result.data;
    return { response, usage, elapsedSeconds, finishReason, runDirectory: null, report: null };
  };
}
