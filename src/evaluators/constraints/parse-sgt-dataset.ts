import { InputFileError } from '../../errors/input-file-error.js';
import { jsonErrorPosition } from '../../util/json-error-position.js';
import { SgtDatasetSchema, type SgtItem } from './sgt-item-schema.js';

/** Parses the text of an SGT data file (a JSON array of items). Throws `InputFileError`. Pure. */
export function parseSgtDataset({ text, file }: { text: string; file: string }): SgtItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition({ text, error });
    throw new InputFileError({
      message: `SGT data file ${file} is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ''}: ${(error as Error).message}`,
      file,
      problem: 'invalidJson',
      line: where?.line,
      column: where?.column,
      cause: error,
    });
  }
  const parsed = SgtDatasetSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputFileError({
      message: `SGT data file ${file} does not have SGT's format at ${issue?.path.join('.') || '(top level)'}: ${issue?.message}; expected an array of {prompt, checks_once, checks_range, checks_periodic, type, prefix, number}.`,
      file,
      problem: 'invalidContent',
    });
  }
  return parsed.data;
}
