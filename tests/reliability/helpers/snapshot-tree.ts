import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Files larger than this are compared by size and modification time, not read. */
const hashedBytes = 16 * 1024 * 1024;

/**
 * Every file and folder under `directory`, with a hash of each file's content: two snapshots
 * are equal only if nothing was created, removed or changed in between. Links, FIFOs and
 * devices are recorded without being followed or read; large (often sparse) files by size.
 */
export async function snapshotTree(directory: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const shown = path.slice(directory.length + 1);
    snapshot[shown] = await describe(path);
  }
  return snapshot;
}

async function describe(path: string): Promise<string> {
  const stats = await lstat(path);
  if (stats.isDirectory()) return 'folder';
  if (stats.isSymbolicLink()) return `link to ${await readlink(path)}`;
  if (!stats.isFile()) return 'special file';
  if (stats.size > hashedBytes) return `${stats.size} bytes, modified ${stats.mtimeMs}`;
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}
