import type { z } from 'zod';
import { InputFileError } from '../errors/input-file-error.js';
import { describeSchemaIssue } from './describe-schema-issue.js';

/** A line that could not be used, and why. */
export interface InvalidLine {
  /** 1-based line number in the file. */
  line: number;
  problem: string;
}

/** The usable lines of a JSONL file, each with its line number, and the ones left out. */
export interface ParsedJsonLines<T> {
  records: Array<{ line: number; value: T }>;
  invalid: InvalidLine[];
}

/**
 * Parses a JSONL text line by line against `schema`; blank lines are ignored. A line that is not
 * JSON, or does not match the schema, throws an `InputFileError` naming its line number, unless
 * `skipInvalid` is set: then it is listed in `invalid` and the rest go on. Pure.
 */
export function parseJsonLines<SCHEMA extends z.ZodType>({
  text,
  file,
  what,
  schema,
  skipInvalid = false,
  hint = 'fix that line',
}: {
  text: string;
  /** The file as the user named it, for messages. */
  file: string;
  /** What the file is, for messages, e.g. "Instructions file". */
  what: string;
  schema: SCHEMA;
  skipInvalid?: boolean;
  /** What the user can do about a bad line, ending the message. */
  hint?: string;
}): ParsedJsonLines<z.infer<SCHEMA>> {
  const records: ParsedJsonLines<z.infer<SCHEMA>>['records'] = [];
  const invalid: InvalidLine[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\r$/, '');
    if (content.trim() === '') return;
    const problem = lineProblem({ content, schema });
    if (problem.ok) {
      records.push({ line, value: problem.value });
      return;
    }
    if (!skipInvalid) {
      throw new InputFileError({
        message: `${what} ${file}, line ${line}: ${problem.problem}; ${hint}.`,
        file,
        problem: problem.json ? 'invalidContent' : 'invalidJson',
        line,
      });
    }
    invalid.push({ line, problem: problem.problem });
  });
  return { records, invalid };
}

function lineProblem<SCHEMA extends z.ZodType>({
  content,
  schema,
}: {
  content: string;
  schema: SCHEMA;
}): { ok: true; value: z.infer<SCHEMA> } | { ok: false; problem: string; json: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    const detail = (error as Error).message.replace(/^JSON\.parse: /, '');
    return { ok: false, problem: `not valid JSON (${detail})`, json: false };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'expected a JSON object, one per line', json: true };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: issue ? describeSchemaIssue(issue) : 'does not match the format',
      json: true,
    };
  }
  return { ok: true, value: parsed.data };
}
