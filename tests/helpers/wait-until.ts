import type { SpawnedCli } from './spawn-cli.js';

/**
 * Resolves once `condition` holds (a lock file exists, the output has ten lines): the point where
 * a test then kills or contends with a background CLI process. Bounded by the process itself,
 * never by a clock: it rejects, with the process's stderr, if the process ends first, and the
 * test's own time limit covers a process that neither progresses nor ends. Polls every 20 ms.
 */
export async function waitUntil({
  condition,
  run,
  what,
}: {
  condition: () => Promise<boolean>;
  run: SpawnedCli;
  /** What is awaited, for the error: "ten lines in data.jsonl". */
  what: string;
}): Promise<void> {
  let ended = false;
  void run.exited.then(() => {
    ended = true;
  });
  for (;;) {
    if (await condition()) return;
    if (ended) {
      throw new Error(`the process ended (${await run.exited}) before ${what}: ${run.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
