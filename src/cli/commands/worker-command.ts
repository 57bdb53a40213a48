import type { Command } from 'commander';
import { limits } from '../../config/limits.js';
import { type CommandSetup, lazyAction } from '../define-command.js';
import { addModelOptions, positiveInteger } from '../shared-options.js';

/** `quire worker`: runs the jobs producers put on a Redis queue. */
export function defineWorkerCommand({ program, setup }: { program: Command; setup: CommandSetup }) {
  const command = program
    .command('worker')
    .description(
      'run the jobs of quire sft --queue and quire bench --queue from a Redis queue, with this machine’s model, until Ctrl-C',
    )
    .requiredOption(
      '--queue <url>',
      'the Redis queue: redis://[user:password@]host:port[/db], or rediss:// for TLS (string; required)',
    )
    .option(
      '--concurrency <n>',
      'jobs run at a time (integer; default: 4)',
      positiveInteger('--concurrency', limits.concurrency),
    );
  addModelOptions(command);
  lazyAction({ command, setup, load: () => import('./worker.js') });
}
