import { constants, type Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/** Why a file could not be read. */
export type FileReadProblem =
  | 'missing'
  | 'directory'
  | 'notRegular'
  | 'symlink'
  | 'tooLarge'
  | 'badPath'
  | 'unreadable';

/** The bytes of a file, or why it was refused, with a phrase that completes "<path> …". */
export type FileReadResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: FileReadProblem; detail: string; systemCode?: string };

const chunkBytes = 64 * 1024;

/**
 * Reads a whole file, refusing anything that is not a regular file of at most `maxBytes`: a
 * folder, a FIFO or a device (`/dev/zero` would never end, a FIFO would block), a file larger
 * than the limit (checked before reading, and again while reading, since a file may grow or,
 * like those in /proc, report no size). With `followLinks` false a symbolic link is refused
 * too, for files quire wrote itself and reads back. Never throws for a file problem.
 */
export async function readFileBounded({
  path,
  maxBytes,
  followLinks = true,
}: {
  path: string;
  maxBytes: number;
  followLinks?: boolean;
}): Promise<FileReadResult> {
  // Non-blocking, so that opening a FIFO returns at once and fstat can refuse it.
  const flags =
    constants.O_RDONLY | constants.O_NONBLOCK | (followLinks ? 0 : constants.O_NOFOLLOW);
  let handle: FileHandle;
  try {
    handle = await open(path, flags);
  } catch (error) {
    return openProblem({ code: (error as NodeJS.ErrnoException).code, followLinks });
  }
  try {
    const stats = await handle.stat();
    const kind = refusedKind(stats);
    if (kind !== undefined) return kind;
    if (stats.size > maxBytes) return tooLarge(maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(chunkBytes);
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return tooLarge(maxBytes);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problem: 'unreadable',
      detail: `cannot be read (${code ?? error})`,
      systemCode: code,
    };
  } finally {
    await handle.close();
  }
}

/** A byte count for messages: `512 KB`, `16 MB`. Pure. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function tooLarge(maxBytes: number): FileReadResult {
  return {
    ok: false,
    problem: 'tooLarge',
    detail: `is larger than ${formatBytes(maxBytes)}, the most quire reads for such a file`,
  };
}

/** Why a file of these stats is refused (not a regular file), or undefined. Pure. */
export function refusedKind(stats: Stats): FileReadResult | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory())
    return { ok: false, problem: 'directory', detail: 'is a directory, not a file' };
  const kind = stats.isFIFO()
    ? 'a FIFO'
    : stats.isCharacterDevice()
      ? 'a character device'
      : stats.isBlockDevice()
        ? 'a block device'
        : stats.isSocket()
          ? 'a socket'
          : 'not a regular file';
  return { ok: false, problem: 'notRegular', detail: `is ${kind}, not a regular file` };
}

/** Why opening a file failed with this system code, as a refused read. Pure. */
export function openProblem({
  code,
  followLinks,
}: {
  code: string | undefined;
  followLinks: boolean;
}): FileReadResult {
  const fail = (problem: FileReadProblem, detail: string): FileReadResult => ({
    ok: false,
    problem,
    detail,
    systemCode: code,
  });
  switch (code) {
    case 'ENOENT':
      return fail('missing', 'does not exist');
    case 'ELOOP':
      return followLinks
        ? fail('badPath', 'is a loop of symbolic links (ELOOP)')
        : fail('symlink', 'is a symbolic link, which quire does not follow inside its own folders');
    case 'EISDIR':
      return fail('directory', 'is a directory, not a file');
    case 'ENOTDIR':
      return fail('badPath', 'has a file where a folder is needed on its path (ENOTDIR)');
    case 'ENAMETOOLONG':
      return fail('badPath', 'has a name too long for the file system (ENAMETOOLONG)');
    default:
      return fail('unreadable', `cannot be read (${code ?? 'unknown error'})`);
  }
}
