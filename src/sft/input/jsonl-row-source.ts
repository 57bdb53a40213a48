import { InputFileError } from '../../errors/input-file-error.js';
import { readTextLines } from '../../util/read-text-lines.js';
import type { SftRowSource } from './sft-row-source.js';

/**
 * A JSONL file as rows: one JSON object a line, read line by line; blank lines are passed over.
 * A line that is not UTF-8 throws an `InputFileError`: the file is in another encoding (or is
 * not text), which leaving lines out would not fix.
 */
export function jsonlRowSource({
  path,
  shownAs,
  what,
}: {
  path: string;
  shownAs: string;
  what: string;
}): SftRowSource {
  return {
    unit: 'line',
    async *rows() {
      for await (const { line, text, notText } of readTextLines(path, { strictText: true })) {
        if (notText !== undefined) {
          throw new InputFileError({
            message: `${what} ${shownAs} is not UTF-8 text (line ${line} holds ${notText}): convert it to UTF-8, or pass a text file.`,
            file: shownAs,
            problem: 'notText',
            line,
          });
        }
        if (text.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          const detail = (error as Error).message.replace(/^JSON\.parse: /, '');
          yield { line, problem: `not valid JSON (${detail})`, kind: 'invalidJson' };
          continue;
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          yield { line, problem: 'expected a JSON object, one per line', kind: 'invalidContent' };
          continue;
        }
        yield { line, row: value as Record<string, unknown> };
      }
    },
  };
}
