import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Why a file cannot be written where it was asked for. */
export interface Unwritable {
  /** The folder (or the path itself) that refuses the write. */
  blocker: string;
  /** The system's reason, e.g. `EACCES`, `EPERM` (immutable), `EROFS`, `EISDIR`, `ENOTDIR`. */
  code: string;
}

/**
 * Checks, without writing anything, whether a file could be written at `path` (creating any
 * missing folders on the way): the path must not be a folder, and the nearest existing folder
 * above it must accept writes. Lets a command refuse an unwritable output path before it does
 * its work. Returns undefined when the write should succeed.
 */
export async function findUnwritable(path: string): Promise<Unwritable | undefined> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) return { blocker: path, code: 'EISDIR' };
  if (existing !== undefined) return accessProblem(path);
  let folder = dirname(path);
  for (;;) {
    const found = await stat(folder).catch(() => undefined);
    if (found !== undefined) {
      return found.isDirectory() ? accessProblem(folder) : { blocker: folder, code: 'ENOTDIR' };
    }
    const parent = dirname(folder);
    if (parent === folder) return { blocker: folder, code: 'ENOENT' };
    folder = parent;
  }
}

async function accessProblem(path: string): Promise<Unwritable | undefined> {
  try {
    await access(path, constants.W_OK);
    return undefined;
  } catch (error) {
    return { blocker: path, code: (error as NodeJS.ErrnoException).code ?? 'EACCES' };
  }
}
