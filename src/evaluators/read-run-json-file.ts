import type { z } from 'zod';
import { InputFileError } from '../errors/input-file-error.js';
import { jsonErrorPosition } from '../util/json-error-position.js';
import { readTextFile } from './read-text-file.js';

/**
 * Reads a JSON file of a run directory and checks it against `schema`; undefined when the file
 * does not exist. Throws `InputFileError` for invalid JSON or an unexpected shape.
 */
export async function readRunJsonFile<SCHEMA extends z.ZodType>({
  path,
  shownAs,
  schema,
}: {
  path: string;
  shownAs: string;
  schema: SCHEMA;
}): Promise<z.infer<SCHEMA> | undefined> {
  let text: string;
  try {
    text = await readTextFile({ path, shownAs, what: 'Run file' });
  } catch (error) {
    if (error instanceof InputFileError && error.problem === 'missing') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition({ text, error });
    throw new InputFileError({
      message: `Run file ${shownAs} is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ''}.`,
      file: shownAs,
      problem: 'invalidJson',
      line: where?.line,
      column: where?.column,
      cause: error,
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputFileError({
      message: `Run file ${shownAs} is not what quire writes: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}.`,
      file: shownAs,
      problem: 'invalidContent',
    });
  }
  return parsed.data;
}
