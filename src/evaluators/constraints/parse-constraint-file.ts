import { InputFileError } from '../../errors/input-file-error.js';
import { parseJsonText } from '../../util/parse-json-text.js';
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
  const value = parseJsonText({ text, file, what: 'Constraints file' });
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
