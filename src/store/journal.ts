import { type FileHandle, open, readFile, truncate } from 'node:fs/promises';
import { storeWriteError } from './write-file-atomic.js';

/**
 * The append-only event log of a run (`journal.jsonl`): one JSON object per line, each line
 * flushed to disk before `append` resolves, so a killed run loses at most the line being written.
 */
export class Journal {
  readonly #path: string;
  readonly #handle: FileHandle;
  #queue: Promise<void> = Promise.resolve();

  private constructor(path: string, handle: FileHandle) {
    this.#path = path;
    this.#handle = handle;
  }

  /**
   * Opens (creating if needed) a journal for appending. A last line cut by a crash is removed
   * first, so the file stays parseable line by line.
   */
  static async open(path: string): Promise<Journal> {
    try {
      await dropPartialLine(path);
      return new Journal(path, await open(path, 'a'));
    } catch (error) {
      throw storeWriteError({ path, error });
    }
  }

  /** Appends one event. Appends are serialised, so concurrent callers never interleave lines. */
  append(event: object): Promise<void> {
    const line = `${JSON.stringify(event)}\n`;
    const next = this.#queue.then(async () => {
      try {
        await this.#handle.write(line);
        await this.#handle.datasync();
      } catch (error) {
        throw storeWriteError({ path: this.#path, error });
      }
    });
    this.#queue = next.catch(() => {});
    return next;
  }

  /** Waits for pending appends and closes the file. */
  async close(): Promise<void> {
    await this.#queue;
    await this.#handle.close();
  }
}

/** Reads every complete line of a journal. A missing file is an empty journal. */
export async function readJournal(path: string): Promise<Array<Record<string, unknown>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Cuts a last line left without its line break. Reads the file backwards from its end, a block
 * at a time, only as far as the last line break: a journal of any size (an SFT output of
 * gigabytes) is never read whole.
 */
async function dropPartialLine(path: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let keep: number;
  try {
    const { size } = await handle.stat();
    const block = Buffer.alloc(64 * 1024);
    let end = size;
    keep = 0;
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      const { bytesRead } = await handle.read(block, 0, end - start, start);
      const newline = block.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline !== -1) {
        keep = start + newline + 1;
        break;
      }
      end = start;
    }
    if (keep === size) return;
  } finally {
    await handle.close();
  }
  await truncate(path, keep);
}
