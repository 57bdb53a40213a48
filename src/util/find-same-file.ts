import { stat } from 'node:fs/promises';

/**
 * The first of `candidates` that is the same file as `path` (same device and inode: through a
 * symbolic link, a hard link or another spelling of the path), or undefined. A `path` that does
 * not exist yet is no file at all. Lets a command refuse to write its output over one of its
 * inputs before it reads anything.
 */
export async function findSameFile<CANDIDATE extends { path: string }>({
  path,
  candidates,
}: {
  path: string;
  candidates: readonly CANDIDATE[];
}): Promise<CANDIDATE | undefined> {
  const target = await stat(path).catch(() => undefined);
  if (target === undefined) return undefined;
  for (const candidate of candidates) {
    const found = await stat(candidate.path).catch(() => undefined);
    if (found !== undefined && found.dev === target.dev && found.ino === target.ino)
      return candidate;
  }
  return undefined;
}
