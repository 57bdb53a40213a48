import { QuireError } from './quire-error.js';

/** Why an input file was refused. */
export type InputFileProblem =
  | 'missing'
  | 'unreadable'
  | 'notRegular'
  | 'tooLarge'
  | 'empty'
  | 'notText'
  | 'invalidJson'
  | 'invalidContent';

/** A file the user gave quire (task, plan, constraints, data) that cannot be used. */
export class InputFileError extends QuireError {
  readonly code = 'input-file';
  readonly category = 'input';
  readonly file: string;
  readonly problem: InputFileProblem;
  /** 1-based line and column of the problem, when known. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor({
    message,
    file,
    problem,
    line,
    column,
    cause,
  }: {
    message: string;
    file: string;
    problem: InputFileProblem;
    line?: number;
    column?: number;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.file = file;
    this.problem = problem;
    this.line = line;
    this.column = column;
  }
}
