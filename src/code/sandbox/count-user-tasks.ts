import { readdir, readFile } from 'node:fs/promises';
import { release as osRelease } from 'node:os';
import { join } from 'node:path';

/**
 * How many tasks (processes and threads) the user `uid` runs now, read from `/proc`. The
 * kernel's process limit counts exactly these, so a limit of this count plus an allowance lets
 * generated code start a bounded number of its own without starving the user's other programs.
 * Zero where there is no `/proc`.
 */
export async function countUserTasks({
  uid,
  procRoot = '/proc',
}: {
  uid: number;
  procRoot?: string;
}): Promise<number> {
  const entries = await readdir(procRoot).catch(() => [] as string[]);
  const counts = await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (entry) => {
        const status = await readFile(join(procRoot, entry, 'status'), 'utf8').catch(() => '');
        const realUid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
        if (realUid === undefined || Number(realUid) !== uid) return 0;
        return Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
      }),
  );
  return counts.reduce((total, count) => total + count, 0);
}

/**
 * True when the kernel counts a user's tasks per user namespace (Linux 5.14 and later), so the
 * process limit inside a fresh user namespace counts only the sandbox's own tasks; earlier
 * kernels count all of the user's tasks everywhere. Pure.
 */
export function countsTasksPerUserNamespace(release: string = osRelease()): boolean {
  const [major = 0, minor = 0] = release.split(/[.-]/).map(Number);
  return major > 5 || (major === 5 && minor >= 14);
}
