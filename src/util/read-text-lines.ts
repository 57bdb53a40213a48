import { createReadStream } from 'node:fs';

/** One line of a text file, without its line break. */
export interface TextLine {
  /** 1-based line number. */
  line: number;
  text: string;
  /** False for a last line with no line break after it (in a journal: cut by a crash). */
  terminated: boolean;
  /** Set when the line is not UTF-8 text (its `text` is then empty): what is wrong with it. */
  notText?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a text file line by line as it streams from disk, so a file of any size is read in
 * constant memory (one chunk and one line at a time). `\r\n` and `\n` both end a line, and a
 * byte-order mark at the start is dropped. A line that is not UTF-8, or holds a NUL byte, comes
 * with `notText` saying why (and no text), instead of being read with replacement characters.
 * Errors of the file itself (missing, a directory) are thrown as Node raises them.
 */
export async function* readTextLines(path: string): AsyncGenerator<TextLine> {
  let line = 0;
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    let end = buffer.indexOf(0x0a, start);
    while (end !== -1) {
      line++;
      yield { line, terminated: true, ...decodeLine(buffer.subarray(start, end), line) };
      start = end + 1;
      end = buffer.indexOf(0x0a, start);
    }
    buffer = buffer.subarray(start);
    // Copied, so the chunk the remainder came from can be collected.
    pending = Buffer.from(buffer);
  }
  if (pending.length > 0) {
    line++;
    yield { line, terminated: false, ...decodeLine(pending, line) };
  }
}

function decodeLine(bytes: Buffer, line: number): { text: string; notText?: string } {
  const content = bytes.at(-1) === 0x0d ? bytes.subarray(0, -1) : bytes;
  const nul = content.indexOf(0);
  if (nul !== -1) return { text: '', notText: `a NUL byte at column ${nul + 1} (binary data)` };
  try {
    const text = decoder.decode(content);
    return { text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
  } catch {
    return { text: '', notText: 'a byte that is not UTF-8' };
  }
}
