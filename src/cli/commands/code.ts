import { resolve } from 'node:path';
import { readCodeRunRecord } from '../../code/run/read-code-run-record.js';
import { readCodeSpec } from '../../code/run/read-code-spec.js';
import { UsageError } from '../../errors/usage-error.js';
import { refuseNonEmptyDirectory } from '../../store/create-run-directory.js';
import type { CommandContext } from '../command-context.js';
import { executeCodeRun } from './code-execute.js';
import type { CodeOptions } from './code-options.js';

/**
 * `quire code`: checks the input first (so bad input writes nothing), then builds the codebase in
 * a new run directory, or resumes the code run already in `--out`.
 */
export async function run({
  args,
  options,
  io,
  abortSignal,
}: CommandContext<CodeOptions>): Promise<void> {
  const given = await readCodeSpec({
    words: (args[0] as string[] | undefined) ?? [],
    taskFile: options.task,
    cwd: io.cwd,
  });
  const out = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  const record = out === undefined ? undefined : await readCodeRunRecord({ runDir: out });
  if (record !== undefined && out !== undefined) {
    return executeCodeRun({
      directory: out,
      spec: given?.spec ?? record.task.prompt,
      specFile: given?.specFile,
      record,
      options,
      io,
      abortSignal,
    });
  }
  if (given === undefined) {
    throw new UsageError(
      'The specification is empty: write it after "quire code" in quotes, or pass --task <file> (or --out <run> to resume a code run).',
    );
  }
  if (out !== undefined && options.out !== undefined) {
    await refuseNonEmptyDirectory({ directory: out, shownAs: options.out });
  }
  return executeCodeRun({ directory: out, ...given, record: undefined, options, io, abortSignal });
}
