import { InputFileError } from '../errors/input-file-error.js';
import { type FileReadResult, readFileBounded } from './read-file-bounded.js';

/**
 * Reads the bytes of a file the user named (a document, a task, plan or constraints file, a
 * data file), refusing what quire must not read: a missing path, a folder, a FIFO or a device,
 * and a file larger than `maxBytes` (checked before reading). A symbolic link the user gave is
 * followed (to a regular file only) unless `followLinks` is false. Throws `InputFileError` saying which file and what to do.
 */
export async function readInputFile({
  path,
  shownAs = path,
  what,
  maxBytes,
  followLinks = true,
  flag,
}: {
  path: string;
  /** The path as the user wrote it, for messages. */
  shownAs?: string;
  /** What the file is, capitalised as a sentence starts: "Document", "The task file". */
  what: string;
  maxBytes: number;
  /** False for a file inside a folder quire wrote (a run's document): a link there is refused. */
  followLinks?: boolean;
  /** The flag that named the file, for the advice on a missing one: "check the --task path". */
  flag?: string;
}): Promise<Buffer> {
  const read = await readFileBounded({ path, maxBytes, followLinks });
  if (read.ok) return read.bytes;
  throw inputFileRefused({ refused: read, shownAs, what, flag });
}

/**
 * The error for a file the user named that quire refuses to read (missing, a folder, a device,
 * too large), naming it and saying what to do. Pure.
 */
export function inputFileRefused({
  refused,
  shownAs,
  what,
  flag,
}: {
  refused: Extract<FileReadResult, { ok: false }>;
  shownAs: string;
  what: string;
  flag?: string;
}): InputFileError {
  const read = refused;
  const named = `${what} ${shownAs}`;
  const advice: Record<typeof read.problem, string> = {
    missing: flag === undefined ? 'check the path' : `check the ${flag} path`,
    directory: 'pass a file',
    notRegular: 'quire reads only regular files',
    symlink: 'pass the file itself',
    tooLarge: 'split or shorten it',
    badPath: 'check the path',
    unreadable: 'check its permissions',
  };
  return new InputFileError({
    message:
      read.problem === 'unreadable' || read.problem === 'badPath'
        ? `Cannot read ${what.charAt(0).toLowerCase()}${what.slice(1)} ${shownAs}: it ${read.detail}; ${advice[read.problem]}.`
        : `${named} ${read.detail}: ${advice[read.problem]}.`,
    file: shownAs,
    problem:
      read.problem === 'missing'
        ? 'missing'
        : read.problem === 'tooLarge'
          ? 'tooLarge'
          : read.problem === 'notRegular' || read.problem === 'directory'
            ? 'notRegular'
            : 'unreadable',
  });
}
