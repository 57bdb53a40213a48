import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes a `quire.config.json` into `directory` (the CLI's working directory) that keeps fault
 * runs quick: short backoff, a short idle timeout so a hung call is abandoned in about a second,
 * and enough attempts that even a 50% fault rate cannot exhaust them (0.5^20 per call).
 */
export async function writeFastConfig({
  directory,
  write = {},
}: {
  directory: string;
  /** Extra `write.*` settings. */
  write?: Record<string, unknown>;
}): Promise<void> {
  const config = {
    retry: { maxAttempts: 20, initialDelayMs: 5, maxDelayMs: 50, maxRetryAfterMs: 5_000 },
    timeouts: { idleTimeoutMs: 1_500 },
    write,
  };
  await writeFile(join(directory, 'quire.config.json'), `${JSON.stringify(config, null, 2)}\n`);
}
