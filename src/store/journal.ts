import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { DamagedFileError } from '../errors/damaged-file-error.js';
import { openProblem, refusedKind } from '../util/read-file-bounded.js';
import { readTextLines } from '../util/read-text-lines.js';
import { damagedFile } from './damaged-file.js';
import { storeWriteError } from './write-output-file.js';

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
   * first, so the file stays parseable line by line. A journal that is a link, a folder or a
   * device is refused (`DamagedFileError`): appending would write somewhere else.
   */
  static async open(path: string): Promise<Journal> {
    let handle: FileHandle;
    try {
      handle = await open(
        path,
        constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW,
      );
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const refused = openProblem({ code, followLinks: false });
      if (!refused.ok && (refused.problem === 'symlink' || refused.problem === 'directory')) {
        throw damagedFile({ path, problem: refused.problem, detail: refused.detail });
      }
      throw storeWriteError({ path, error });
    }
    try {
      const refused = refusedKind(await handle.stat());
      if (refused !== undefined && !refused.ok) {
        throw damagedFile({ path, problem: refused.problem, detail: refused.detail });
      }
      await dropPartialLine(handle);
    } catch (error) {
      await handle.close();
      if (error instanceof DamagedFileError) throw error;
      throw storeWriteError({ path, error });
    }
    return new Journal(path, handle);
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

/**
 * Reads every complete line of a journal, streamed line by line (a journal of any size is never
 * one string). A missing file is an empty journal; a last line cut by a crash is passed over; a
 * line that is not a JSON object, or a journal that is not a regular file, is a
 * `DamagedFileError` naming it.
 */
export async function readJournal(path: string): Promise<Array<Record<string, unknown>>> {
  const events: Array<Record<string, unknown>> = [];
  const lines = readTextLines(path, {
    followLinks: false,
    refuse: (refused, error) =>
      refused.problem === 'missing' ? error : damagedFile({ path, ...refused }),
  });
  try {
    for await (const { line, text, terminated, notText } of lines) {
      if (!terminated) break;
      if (text.trim() === '' && notText === undefined) continue;
      events.push(journalEvent({ path, line, text, notText }));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return events;
}

function journalEvent({
  path,
  line,
  text,
  notText,
}: {
  path: string;
  line: number;
  text: string;
  notText: string | undefined;
}): Record<string, unknown> {
  let value: unknown;
  try {
    if (notText !== undefined) throw new Error(`it holds ${notText}`);
    value = JSON.parse(text);
  } catch (error) {
    throw damagedFile({
      path,
      problem: 'notJson',
      detail: `is not JSON (${(error as Error).message})`,
      line,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw damagedFile({ path, problem: 'notJson', detail: 'is not a JSON object', line });
  }
  return value as Record<string, unknown>;
}

/**
 * Cuts a last line left without its line break. Reads the file backwards from its end, a block
 * at a time, only as far as the last line break: a journal of any size (an SFT output of
 * gigabytes) is never read whole.
 */
async function dropPartialLine(handle: FileHandle): Promise<void> {
  const { size } = await handle.stat();
  const block = Buffer.alloc(64 * 1024);
  let end = size;
  let keep = 0;
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
  if (keep !== size) await handle.truncate(keep);
}
