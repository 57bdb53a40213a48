import { readFile } from 'node:fs/promises';
import { InputFileError } from '../errors/input-file-error.js';

/**
 * Reads a UTF-8 text file the user gave quire. Refuses, with an `InputFileError` naming the
 * file and what to do: a missing or unreadable path, a directory, an empty (or blank) file, and
 * a file that is not UTF-8 text (binary, or another encoding), pointing at the first bad byte.
 * A byte-order mark is dropped.
 */
export async function readTextFile({
  path,
  shownAs = path,
  what = 'File',
}: {
  path: string;
  /** How the file is named in messages (the path as the user wrote it). */
  shownAs?: string;
  /** What the file is, for messages: "Document", "Constraints file". */
  what?: string;
}): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `${what} ${shownAs} does not exist: check the path.`
        : code === 'EISDIR'
          ? `${what} ${shownAs} is a directory, not a file.`
          : `Cannot read ${what.toLowerCase()} ${shownAs} (${code ?? String(error)}): check its permissions.`;
    throw new InputFileError({
      message,
      file: shownAs,
      problem: code === 'ENOENT' ? 'missing' : 'unreadable',
      cause: error,
    });
  }
  if (bytes.length === 0) {
    throw new InputFileError({
      message: `${what} ${shownAs} is empty.`,
      file: shownAs,
      problem: 'empty',
    });
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined || bytes.includes(0)) {
    const offset = bad ?? bytes.indexOf(0);
    const line = bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
    throw new InputFileError({
      message: `${what} ${shownAs} is not UTF-8 text (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}, line ${line}): convert it to UTF-8 or pass a text file.`,
      file: shownAs,
      problem: 'notText',
      line,
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

/** The offset of the first byte that breaks UTF-8 (overlong forms and surrogates included). */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0) return index;
    const second = bytes[index + 1] ?? 0;
    // The second byte's allowed range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (index + 1 >= bytes.length || second < low || second > high) return index;
    for (let next = 2; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined || byte < 0x80 || byte > 0xbf) return index;
    }
    index += length;
  }
  return undefined;
}
