import type { ItemEvent } from '../../bench/run-resumable.js';
import { escapeControl } from '../../util/escape-control.js';
import type { CliIo } from '../cli-io.js';
import { formatDuration } from '../progress/format-duration.js';

/**
 * Progress of a benchmark on stderr: how many items there are and how many were already done,
 * then one line per item that finishes or fails, numbered against all the items, with the
 * elapsed time. Plain lines on a terminal too: items take seconds to minutes each, so there is
 * nothing to animate between them.
 */
export function createBenchProgress<ITEM extends { id: string }, RESULT>({
  io,
  what,
  describe,
  now = () => Date.now(),
}: {
  io: CliIo;
  /** What the items are, plural, e.g. `items`, `tasks`. */
  what: string;
  /** The line's text for a finished item. */
  describe: (input: { item: ITEM; result: RESULT }) => string;
  now?: () => number;
}): (event: ItemEvent<ITEM, RESULT>) => void {
  const started = now();
  let settled = 0;
  let total = 0;
  const stamp = () => formatDuration((now() - started) / 1000);
  return (event) => {
    if (event.type === 'batch-start') {
      total = event.total;
      settled = event.skipped;
      const done = event.skipped > 0 ? `, ${event.skipped} already done` : '';
      io.stderr.write(
        `quire: ${event.total} ${what}${done}, ${event.total - event.skipped} to run.\n`,
      );
      return;
    }
    if (event.type === 'item-start') return;
    settled++;
    const prefix = `[${settled}/${total}] ${event.item.id}`;
    if (event.type === 'item-end') {
      io.stderr.write(
        `${prefix} · ${describe({ item: event.item, result: event.result })} · ${stamp()}\n`,
      );
    } else {
      io.stderr.write(`${prefix} failed: ${escapeControl(event.failure.message)} · ${stamp()}\n`);
    }
  };
}
