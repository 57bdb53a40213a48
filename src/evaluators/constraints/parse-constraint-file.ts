import { InputFileError } from '../../errors/input-file-error.js';
import { jsonErrorPosition } from '../../util/json-error-position.js';
import type { ConstraintFile } from './constraint-file-schema.js';
import { validateConstraintFile } from './validate-constraint-file.js';

/**
 * Parses the text of a constraints file (JSON). Throws `InputFileError` naming the file and the
 * first problem, with line and column for JSON syntax errors, and a count of any others. Pure.
 */
export function parseConstraintFile({
  text,
  file,
}: {
  text: string;
  file: string;
}): ConstraintFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition({ text, error });
    throw new InputFileError({
      message: `Constraints file ${file} is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ''}: ${(error as Error).message}`,
      file,
      problem: 'invalidJson',
      line: where?.line,
      column: where?.column,
      cause: error,
    });
  }
  const result = validateConstraintFile(value);
  if (!result.ok) {
    const [first, ...others] = result.problems;
    throw new InputFileError({
      message: `Constraints file ${file} is not usable: ${first}${others.length > 0 ? ` (and ${others.length} more problem${others.length > 1 ? 's' : ''})` : ''}.`,
      file,
      problem: 'invalidContent',
    });
  }
  return result.constraints;
}
