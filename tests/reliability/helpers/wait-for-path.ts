import { access } from 'node:fs/promises';
import type { SpawnedCli } from '../../helpers/spawn-cli.js';

/**
 * Resolves once `path` exists (a lock file, a run's journal): the point where a background CLI
 * process holds what a test then contends for. Rejects if the process ends first.
 */
export async function waitForPath({ path, run }: { path: string; run: SpawnedCli }): Promise<void> {
  let ended = false;
  void run.exited.then(() => {
    ended = true;
  });
  for (;;) {
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      return;
    if (ended) {
      throw new Error(
        `the process ended (${await run.exited}) before ${path} existed: ${run.stderr()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
