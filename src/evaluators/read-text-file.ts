import { fileLimits } from '../config/limits.js';
import { InputFileError } from '../errors/input-file-error.js';
import { findNonText } from '../util/find-non-text.js';
import { readInputFile } from '../util/read-input-file.js';

/**
 * Reads a UTF-8 text file the user gave quire. Refuses, with an `InputFileError` naming the
 * file and what to do: a missing or unreadable path, a directory, a FIFO or device, a file over
 * `maxBytes`, an empty (or blank) file, and a file that is not UTF-8 text (binary, or another
 * encoding), pointing at the first bad byte.
 * A byte-order mark is dropped.
 */
export async function readTextFile({
  path,
  shownAs = path,
  what = 'File',
  maxBytes = fileLimits.document,
  followLinks = true,
}: {
  path: string;
  /** How the file is named in messages (the path as the user wrote it). */
  shownAs?: string;
  /** What the file is, for messages: "Document", "Constraints file". */
  what?: string;
  /** The largest file read (a document by default); larger ones are refused before reading. */
  maxBytes?: number;
  /** False for a file of a folder quire wrote: a symbolic link there is refused, not followed. */
  followLinks?: boolean;
}): Promise<string> {
  const bytes = await readInputFile({ path, shownAs, what, maxBytes, followLinks });
  if (bytes.length === 0) {
    throw new InputFileError({
      message: `${what} ${shownAs} is empty.`,
      file: shownAs,
      problem: 'empty',
    });
  }
  const notText = findNonText(bytes);
  if (notText !== undefined) {
    throw new InputFileError({
      message: `${what} ${shownAs} is not UTF-8 text (${notText.description}): convert it to UTF-8 or pass a text file.`,
      file: shownAs,
      problem: 'notText',
      line: notText.line,
    });
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new InputFileError({
      message: `${what} ${shownAs} has only blank space in it.`,
      file: shownAs,
      problem: 'empty',
    });
  }
  return text;
}
