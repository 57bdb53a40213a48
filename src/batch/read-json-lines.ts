import type { z } from 'zod';
import { InputFileError } from '../errors/input-file-error.js';
import { describeSchemaIssue } from '../util/describe-schema-issue.js';
import { inputFileRefused } from '../util/read-input-file.js';
import { readTextLines } from '../util/read-text-lines.js';

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
 * Reads a JSONL file line by line (streamed, never one string) against `schema`; blank lines
 * are ignored. A missing or unreadable file, one that is not UTF-8 text, or one with no record
 * throws an `InputFileError`; so does a line that is not JSON, or does not match the schema,
 * naming its line number, unless `skipInvalid` is set: then it is listed in `invalid` and the
 * rest go on.
 */
export async function readJsonLines<SCHEMA extends z.ZodType>({
  path,
  file,
  what,
  schema,
  skipInvalid = false,
  hint = 'fix that line',
}: {
  path: string;
  /** The file as the user named it, for messages. */
  file: string;
  /** What the file is, for messages, e.g. "Instructions file". */
  what: string;
  schema: SCHEMA;
  skipInvalid?: boolean;
  /** What the user can do about a bad line, ending the message. */
  hint?: string;
}): Promise<ParsedJsonLines<z.infer<SCHEMA>>> {
  const records: ParsedJsonLines<z.infer<SCHEMA>>['records'] = [];
  const invalid: InvalidLine[] = [];
  const lines = readTextLines(path, {
    strictText: true,
    refuse: (refused) => inputFileRefused({ refused, shownAs: file, what }),
  });
  for await (const { line, text, notText } of lines) {
    if (notText !== undefined) {
      throw new InputFileError({
        message: `${what} ${file} is not UTF-8 text (line ${line} holds ${notText}): convert it to UTF-8 or pass a text file.`,
        file,
        problem: 'notText',
        line,
      });
    }
    if (text.trim() === '') continue;
    const problem = lineProblem({ content: text, schema });
    if (problem.ok) {
      records.push({ line, value: problem.value });
      continue;
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
  }
  if (records.length === 0 && invalid.length === 0) {
    throw new InputFileError({
      message: `${what} ${file} has no JSON line in it: pass a file with one JSON object per line.`,
      file,
      problem: 'empty',
    });
  }
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
