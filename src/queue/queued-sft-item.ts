import { QueueError } from '../errors/queue-error.js';
import type { runSftItem, SftItemOutcome } from '../sft/run-sft-item.js';
import { remoteItemError } from './job-failure.js';
import type { QueueClient } from './queue-client.js';
import { queueFormatVersion } from './queue-format.js';
import { type SftJob, SftJobResultSchema, sftJobId } from './sft-job.js';
import { sharedSettings } from './worker-local-settings.js';

/**
 * `runSftItem` done by a queue worker: the item and its settings become a job, and the outcome
 * the worker returns (checked against the job result format) is returned as if it had run
 * here. A worker's failure is thrown with the worker's code and message.
 */
export function queuedSftItem(
  client: QueueClient,
): (input: Parameters<typeof runSftItem>[0]) => Promise<SftItemOutcome> {
  return async ({
    instruction,
    task,
    targetSource,
    format,
    config,
    minWords,
    filters,
    thinking,
    abortSignal,
  }) => {
    const job: SftJob = {
      formatVersion: queueFormatVersion,
      instruction: {
        id: instruction.id,
        line: instruction.line,
        prompt: instruction.prompt,
        ...(instruction.length === undefined ? {} : { length: instruction.length }),
        ...(instruction.reference === undefined ? {} : { reference: instruction.reference }),
      },
      task,
      targetSource,
      format,
      minWords,
      filters: [...filters],
      thinking: thinking === true,
      config: sharedSettings(config),
    };
    const jobId = sftJobId(job);
    const returned = await client.run({
      name: 'sft',
      jobId,
      data: job,
      abortSignal: abortSignal ?? new AbortController().signal,
    });
    const result = SftJobResultSchema.safeParse(returned);
    if (!result.success) {
      await client.forget(jobId);
      throw new QueueError({
        problem: 'job-format',
        message: `Job ${jobId} returned a result that is not an SFT outcome: run the same quire version on every machine.`,
      });
    }
    if (result.data.kind === 'failed') {
      await client.forget(jobId);
      throw remoteItemError(result.data);
    }
    // The value as the worker returned it, not zod's copy: key order is kept, so the line is
    // the same bytes a local run writes.
    return returned as SftItemOutcome;
  };
}
