import type { SpawnedCli } from '../../helpers/spawn-cli.js';
import type { JournalEvent } from './read-journal.js';

/** The NDJSON events a `--json` run prints, and a way to await one. */
export interface EventWatch {
  /** Every event printed so far. */
  events: JournalEvent[];
  /**
   * Resolves with the first event (printed from now on, or already printed when `past` is
   * true) that satisfies `predicate`; rejects if the process ends before printing one.
   */
  until(
    predicate: (event: JournalEvent) => boolean,
    options?: { past?: boolean },
  ): Promise<JournalEvent>;
}

/**
 * Follows the events of a CLI process started with `--json`. The run journals each event
 * before printing it, so an event seen here is already in `journal.jsonl`: tests can act on a
 * point in the run without polling the file.
 */
export function watchEvents(run: SpawnedCli): EventWatch {
  const events: JournalEvent[] = [];
  const waiters: Array<{
    predicate: (event: JournalEvent) => boolean;
    resolve: (event: JournalEvent) => void;
  }> = [];
  let buffer = '';
  run.child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end = buffer.indexOf('\n');
    while (end >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf('\n');
      if (!line.startsWith('{')) continue;
      const event = JSON.parse(line) as JournalEvent;
      events.push(event);
      for (const waiter of waiters.splice(0)) {
        if (waiter.predicate(event)) waiter.resolve(event);
        else waiters.push(waiter);
      }
    }
  });
  return {
    events,
    until(predicate, { past = false } = {}) {
      const found = past ? events.find(predicate) : undefined;
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ predicate, resolve });
        void run.exited.then((code) =>
          reject(
            new Error(
              `the run ended (${code}) before the awaited event; last events: ${events
                .slice(-3)
                .map((event) => event.type)
                .join(', ')}; stderr: ${run.stderr().trim().slice(-300)}`,
            ),
          ),
        );
      });
    },
  };
}
