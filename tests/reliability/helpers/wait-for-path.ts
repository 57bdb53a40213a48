import { access } from 'node:fs/promises';
import type { SpawnedCli } from '../../helpers/spawn-cli.js';
import { waitUntil } from '../../helpers/wait-until.js';

/**
 * Resolves once `path` exists (a lock file, a run's journal): the point where a background CLI
 * process holds what a test then contends for. Rejects if the process ends first.
 */
export function waitForPath({ path, run }: { path: string; run: SpawnedCli }): Promise<void> {
  return waitUntil({
    condition: () =>
      access(path).then(
        () => true,
        () => false,
      ),
    run,
    what: `${path} existed`,
  });
}
