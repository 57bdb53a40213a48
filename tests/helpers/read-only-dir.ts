import { execFileSync } from 'node:child_process';
import { chmod } from 'node:fs/promises';

const isRoot = process.getuid?.() === 0;

/**
 * Makes a directory refuse new files, even for root (who ignores permission bits): with
 * `chattr +i` as root, with `chmod 500` otherwise. Returns the function that undoes it.
 */
export async function makeReadOnly(directory: string): Promise<() => Promise<void>> {
  if (isRoot) {
    execFileSync('chattr', ['+i', directory]);
    return async () => {
      execFileSync('chattr', ['-i', directory]);
    };
  }
  await chmod(directory, 0o500);
  return async () => {
    await chmod(directory, 0o700);
  };
}
