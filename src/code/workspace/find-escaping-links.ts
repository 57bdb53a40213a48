import type { Dirent } from 'node:fs';
import { readdir, readlink, realpath } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { isInside } from './confine-path.js';

/**
 * Symbolic links anywhere under the workspace (dependency folders included) that resolve, or
 * would resolve once their target exists, outside it. Node's permission model follows such
 * links, so tests must not run while one exists; the tools never create links and generated
 * code is denied `symlink`, so one can only come from outside quire. Relative paths, sorted.
 */
export async function findEscapingLinks({
  root,
  limit = 20_000,
}: {
  root: string;
  limit?: number;
}): Promise<string[]> {
  const found: string[] = [];
  let seen = 0;
  const walk = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++seen > limit) return;
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch(async () =>
          resolve(dirname(path), await readlink(path)),
        );
        if (!isInside({ root, candidate: target }))
          found.push(relative(root, path).split('\\').join('/'));
      } else if (entry.isDirectory()) await walk(path);
    }
  };
  await walk(root);
  return found.sort();
}
