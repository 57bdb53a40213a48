import { InputFileError } from '../../errors/input-file-error.js';
import { parseJsonText } from '../../util/parse-json-text.js';
import { SgtDatasetSchema, type SgtItem } from './sgt-item-schema.js';

/** Parses the text of an SGT data file (a JSON array of items). Throws `InputFileError`. Pure. */
export function parseSgtDataset({ text, file }: { text: string; file: string }): SgtItem[] {
  const value = parseJsonText({ text, file, what: 'SGT data file' });
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
