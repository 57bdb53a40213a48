import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { RunDirectoryError } from '../../errors/run-directory-error.js';
import { UsageError } from '../../errors/usage-error.js';
import { readConstraintFile } from '../../evaluators/constraints/read-constraint-file.js';
import type { RunInfo } from '../../store/run-info-schema.js';
import { readRunInfo, readRunKind } from '../../store/run-store.js';
import { readTaskFile } from '../../task/read-task-file.js';
import type { CommandContext } from '../command-context.js';
import type { WriteOptions } from './write.js';

/**
 * `quire write --out <dir>` where `<dir>` already holds a run: continues it (as `quire resume`
 * does) only when nothing given contradicts it. A different request, task file, `--words`,
 * `--lang`, `--constraints`, or any `--plan` would silently be ignored by a resume, so they are
 * refused by name, pointing at `quire resume <dir>`.
 */
export async function continueExistingRun({
  context,
  request,
}: {
  context: CommandContext<WriteOptions>;
  /** The request words as given (may be empty). */
  request: string;
}): Promise<void> {
  const { options, io } = context;
  const out = options.out!;
  const directory = resolve(io.cwd, out);
  if ((await readRunKind(directory)) === 'code') {
    throw new RunDirectoryError({
      message: `--out ${out} holds a quire code run: continue it with quire resume ${out}, or choose another --out.`,
      directory,
      problem: 'notARun',
    });
  }
  const info = await readRunInfo(directory);
  const conflicts = await findConflicts({ info, request, options, cwd: io.cwd });
  if (conflicts.length > 0) {
    const prompt =
      info.task.prompt.length > 60 ? `${info.task.prompt.slice(0, 60)}…` : info.task.prompt;
    throw new UsageError(
      `--out ${out} already holds a run of "${prompt}" (${info.task.words} words), which ${conflicts.join(', ')} would change: continue that run as it is with quire resume ${out}, or choose another --out.`,
    );
  }
  const { run: resume } = await import('./resume.js');
  return resume({ ...context, args: [out] });
}

/** The error for an `--out` where another quire started a run while this one checked its input. */
export function runAppeared(out: string): UsageError {
  return new UsageError(
    `--out ${out} now holds a run another quire started: continue it with quire resume ${out}, or choose another --out.`,
  );
}

/** What the command line asks for that the stored run is not. */
async function findConflicts({
  info,
  request,
  options,
  cwd,
}: {
  info: RunInfo;
  request: string;
  options: WriteOptions;
  cwd: string;
}): Promise<string[]> {
  const { task } = info;
  const fromFile = options.task ? await readTaskFile({ path: options.task, cwd }) : undefined;
  const constraints = options.constraints
    ? await readConstraintFile({ path: options.constraints, cwd })
    : fromFile?.constraints;
  const words = options.words ?? fromFile?.words;
  const lang = options.lang ?? fromFile?.lang;
  return [
    request.trim() !== '' && request.trim() !== task.prompt ? 'the request' : undefined,
    fromFile !== undefined && fromFile.prompt.trim() !== task.prompt
      ? `--task ${options.task}`
      : undefined,
    words !== undefined && words !== task.words
      ? `--words ${words} (the run's is ${task.words})`
      : undefined,
    lang !== undefined && lang !== task.lang
      ? `--lang ${lang} (the run's is ${task.lang})`
      : undefined,
    constraints !== undefined && !isDeepStrictEqual(constraints, task.constraints)
      ? `--constraints ${options.constraints ?? options.task}`
      : undefined,
    options.plan !== undefined ? `--plan ${options.plan} (the run has its plan)` : undefined,
  ].filter((conflict): conflict is string => conflict !== undefined);
}
