import { constants, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { type FileReadResult, openProblem, refusedKind } from './read-file-bounded.js';

/** Why a file was refused before reading: not a regular file, or a link where none may be. */
export type RefusedFile = Extract<FileReadResult, { ok: false }>;

/** One line of a text file, without its line break. */
export interface TextLine {
  /** 1-based line number. */
  line: number;
  text: string;
  /** False for a last line with no line break after it (in a journal: cut by a crash). */
  terminated: boolean;
  /** Set when the line is not text (its `text` is then empty): what is wrong with it. */
  notText?: string;
}

/**
 * Reads a text file line by line with `node:readline` as it streams from disk, so a file of
 * any size (a journal or an SFT output of gigabytes) is read in constant memory, one chunk and
 * one line at a time, never as one string. `\r\n` and `\n` both end a line, and a byte-order
 * mark at the start is dropped. A line holding a NUL byte comes with `notText` (and no text);
 * with `strictText`, so does a line holding U+FFFD, the character a byte that is not UTF-8
 * decodes to (for files users give: quire's own files may carry one a model wrote). With
 * `followLinks` false a symbolic link is refused. A missing file, a folder, a FIFO, a device or a
 * refused link throws what `refuse` makes of it (by default Node's error, `ENOENT` when missing).
 */
export async function* readTextLines(
  path: string,
  {
    followLinks = true,
    strictText = false,
    refuse = (refused, error) => error ?? new Error(refused.detail),
  }: {
    followLinks?: boolean;
    strictText?: boolean;
    refuse?: (refused: RefusedFile, error?: unknown) => unknown;
  } = {},
): AsyncGenerator<TextLine> {
  const flags =
    constants.O_RDONLY | constants.O_NONBLOCK | (followLinks ? 0 : constants.O_NOFOLLOW);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw refuse(openProblem({ code, followLinks }) as RefusedFile, error);
  }
  const refused = refusedKind(await handle.stat());
  if (refused !== undefined && !refused.ok) {
    await handle.close();
    throw refuse(refused);
  }
  const stream: ReadStream = handle.createReadStream();
  let lastByte: number | undefined;
  stream.on('data', (chunk) => {
    lastByte = (chunk as Buffer).at(-1);
  });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  let held: string | undefined;
  try {
    // One line is held back until the next arrives, so the last one can say whether a line
    // break ended it.
    for await (const text of lines) {
      if (held !== undefined) yield textLine({ text: held, line, terminated: true, strictText });
      held = line === 0 ? text.replace(/^\uFEFF/, '') : text;
      line++;
    }
    if (held !== undefined) {
      yield textLine({ text: held, line, terminated: lastByte === 0x0a, strictText });
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

function textLine({
  text,
  line,
  terminated,
  strictText,
}: {
  text: string;
  line: number;
  terminated: boolean;
  strictText: boolean;
}): TextLine {
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    return { line, text: '', terminated, notText: `a NUL byte at column ${nul + 1} (binary data)` };
  }
  if (strictText && text.includes('\uFFFD')) {
    return { line, text: '', terminated, notText: 'a byte that is not UTF-8' };
  }
  return { line, text, terminated };
}
