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

async function dropPartialLine(path: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (text === '' || text.endsWith('\n')) return;
  await truncate(path, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
}
