import { QuireError } from './quire-error.js';

/** Why a directory cannot be used as a run directory. */
export type RunDirectoryProblem =
  | 'notARun'
  | 'newerFormat'
  | 'corrupt'
  | 'notWritable'
  | 'notEmpty'
  | 'badPath';

/** A directory given as a run (to resume, inspect or write into) that cannot be used as one. */
export class RunDirectoryError extends QuireError {
  readonly code = 'run-directory';
  readonly category = 'input';
  readonly directory: string;
  readonly problem: RunDirectoryProblem;

  constructor({
    message,
    directory,
    problem,
    cause,
  }: { message: string; directory: string; problem: RunDirectoryProblem; cause?: unknown }) {
    super(message, { cause });
    this.directory = directory;
    this.problem = problem;
  }
}
