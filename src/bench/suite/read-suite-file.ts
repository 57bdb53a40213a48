import { dirname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { InputFileError } from '../../errors/input-file-error.js';
import { readJsonFile } from '../../util/read-json-file.js';

/**
 * Reads an evaluation suite (`evals/*.json`) for one command: a suite of another benchmark is
 * refused by name, then the file is validated against `schema`. Data paths in suites are
 * relative to the repository (or package) root, the folder above `evals/`; `resolveData` turns
 * one into an absolute path. Throws `InputFileError`.
 */
export async function readSuiteFile<SCHEMA extends z.ZodType<{ benchmark: string }>>({
  path,
  cwd,
  benchmark,
  schema,
}: {
  /** As the user wrote it. */
  path: string;
  cwd: string;
  /** The benchmark the command runs: `longbench-write`, `sgt` or `sft`. */
  benchmark: string;
  schema: SCHEMA;
}): Promise<{ suite: z.infer<SCHEMA>; resolveData: (data: string) => string }> {
  const value = await readJsonFile({ path, cwd, what: 'suite file' });
  const declared = (value as { benchmark?: unknown } | null)?.benchmark;
  if (declared !== benchmark) {
    throw new InputFileError({
      message: `Suite file ${path} is ${typeof declared === 'string' ? `for ${declared}` : 'missing "benchmark"'}, not ${benchmark}: pass a suite with "benchmark": "${benchmark}".`,
      file: path,
      problem: 'invalidContent',
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputFileError({
      message: `Suite file ${path} is invalid at ${issue?.path.join('.') || '(top level)'}: ${issue?.message}.`,
      file: path,
      problem: 'invalidContent',
    });
  }
  const root = resolve(dirname(resolve(cwd, path)), '..');
  return {
    suite: parsed.data,
    resolveData: (data) => (isAbsolute(data) ? data : resolve(root, data)),
  };
}
