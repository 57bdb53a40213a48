import { UsageError } from '../../errors/usage-error.js';
import { benchAnswerJobHandler } from '../../queue/bench-answer-job-handler.js';
import { parseQueueAddress } from '../../queue/queue-address.js';
import { sftJobHandler } from '../../queue/sft-job-handler.js';
import { startQueueWorker } from '../../queue/start-queue-worker.js';
import { waitForAbort } from '../../sim/wait-for-abort.js';
import { type CommonOptions, loadCommandConfig } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { announceModel, prepareModel } from '../prepare-model.js';

interface WorkerOptions extends CommonOptions {
  queue?: string;
  concurrency?: number;
}

/**
 * `quire worker`: takes jobs from the queue with this machine's model until Ctrl-C or SIGTERM,
 * then takes no new job, lets the ones in flight finish and exits. A worker killed outright
 * leaves its jobs locked until `queue.lockDurationMs`; another worker then does them.
 */
export async function run(context: CommandContext<WorkerOptions>): Promise<void> {
  const { options, io, abortSignal } = context;
  if (options.queue === undefined) throw new UsageError('quire worker needs --queue <url>.');
  const address = parseQueueAddress(options.queue);
  const config = await loadCommandConfig({ options, io });
  const model = prepareModel({ config, env: io.env });
  const concurrency = options.concurrency ?? 4;
  const worker = await startQueueWorker({
    address,
    concurrency,
    handlers: {
      sft: sftJobHandler({ model, config }),
      'bench-answer': benchAnswerJobHandler({ model, config }),
    },
    settings: config.queue,
    onEvent: (event) => {
      if (options.json) io.stdout.write(`${JSON.stringify(event)}\n`);
      else if (event.type === 'job-refused') io.stderr.write(`quire worker: ${event.reason}\n`);
    },
  });
  announceModel({ model, io });
  const ready = { event: 'worker-ready', queue: address.shownAs, model: model.spec, concurrency };
  if (options.json) io.stdout.write(`${JSON.stringify(ready)}\n`);
  else
    io.stderr.write(
      `quire worker: taking jobs from ${address.shownAs} with ${model.spec}, ${concurrency} at a time\n`,
    );
  await waitForAbort(abortSignal);
  if (!options.json) io.stderr.write('quire worker: finishing the jobs in flight\n');
  await worker.close();
  if (options.json) io.stdout.write(`${JSON.stringify({ event: 'worker-stopped' })}\n`);
  else io.stderr.write('quire worker: stopped\n');
}
