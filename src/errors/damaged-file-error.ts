import type { FileReadProblem } from '../util/read-file-bounded.js';
import { QuireError } from './quire-error.js';

/** What is wrong with a file quire wrote and reads back. */
export type DamagedFileProblem = FileReadProblem | 'notJson' | 'notText';

/**
 * A file quire wrote itself (a run's sections or journal, a batch's output lines) that is no
 * longer what quire writes: replaced by a link, a folder or a device, grown past any size quire
 * writes, or holding a line that is not JSON. Such files are read as untrusted: the damage is
 * reported, never followed or read blindly.
 */
export class DamagedFileError extends QuireError {
  readonly code = 'damaged-file';
  readonly category = 'input';
  readonly path: string;
  readonly problem: DamagedFileProblem;
  /** 1-based line of the damage, when known. */
  readonly line: number | undefined;

  constructor({
    message,
    path,
    problem,
    line,
    cause,
  }: {
    message: string;
    path: string;
    problem: DamagedFileProblem;
    line?: number;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.path = path;
    this.problem = problem;
    this.line = line;
  }
}
