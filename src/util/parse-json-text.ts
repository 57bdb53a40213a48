import { InputFileError } from '../errors/input-file-error.js';
import { jsonErrorPosition } from './json-error-position.js';

/**
 * Parses the JSON text of a file the user gave quire. Invalid JSON is an `InputFileError` that
 * names the file and the line and column where it goes wrong. Pure.
 */
export function parseJsonText({
  text,
  file,
  what,
}: {
  text: string;
  /** The file as the user named it. */
  file: string;
  /** What the file is, capitalised, for messages: "Task file", "Constraints file". */
  what: string;
}): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const position = jsonErrorPosition({ text });
    const where = position ? ` at line ${position.line}, column ${position.column}` : '';
    throw new InputFileError({
      message: `${what} ${file} is not valid JSON${where}: fix it there.`,
      file,
      problem: 'invalidJson',
      line: position?.line,
      column: position?.column,
      cause: error,
    });
  }
}
