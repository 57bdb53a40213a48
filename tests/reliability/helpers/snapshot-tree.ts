import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file and folder under `directory`, with a hash of each file's content: two snapshots
 * are equal only if nothing was created, removed or changed in between.
 */
export async function snapshotTree(directory: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const shown = path.slice(directory.length + 1);
    snapshot[shown] = entry.isDirectory()
      ? 'folder'
      : createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
  }
  return snapshot;
}
