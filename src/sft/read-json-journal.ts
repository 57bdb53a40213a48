import { InputFileError } from '../errors/input-file-error.js';
import { readTextLines } from '../util/read-text-lines.js';

/**
 * Streams the complete lines of a JSONL file quire appends to, each parsed, with its line
 * number; a last line without its line break (cut by a kill) is passed over, and a missing file
 * has no lines. A line that is not JSON throws an `InputFileError` that says the file was not
 * written by quire sft.
 */
export async function* readJsonJournal({
  path,
  shownAs,
}: {
  path: string;
  shownAs: string;
}): AsyncGenerator<{ line: number; value: unknown }> {
  try {
    for await (const { line, text, terminated, notText } of readTextLines(path)) {
      if (!terminated) return;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        if (notText !== undefined) throw new Error(notText);
        value = JSON.parse(text);
      } catch (error) {
        throw new InputFileError({
          message: `${shownAs}, line ${line}, is not JSON (${(error as Error).message}): it was not written by quire sft; choose another --out.`,
          file: shownAs,
          problem: 'invalidJson',
          line,
          cause: error,
        });
      }
      yield { line, value };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
}
