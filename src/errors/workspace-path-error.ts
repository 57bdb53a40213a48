import { QuireError } from './quire-error.js';

/**
 * Why a path given by the model was refused by the workspace.
 * - `empty`, `nulByte`, `tooLong`, `backslash`, `home`: not a usable relative path.
 * - `absolute`: starts at a filesystem root or a drive.
 * - `escapes`: `..` segments lead out of the workspace.
 * - `symlinkOutside`: a symbolic link on the way resolves outside the workspace (or dangles).
 * - `notFound`, `notFile`: nothing to read or delete there, or a directory instead of a file.
 */
export type WorkspacePathProblem =
  | 'empty'
  | 'nulByte'
  | 'tooLong'
  | 'backslash'
  | 'home'
  | 'absolute'
  | 'escapes'
  | 'symlinkOutside'
  | 'notFound'
  | 'notFile';

/**
 * A path outside the workspace, or unusable in it. Tools turn it into a result the model reads;
 * it reaches the user only through a bug.
 */
export class WorkspacePathError extends QuireError {
  readonly code = 'workspace-path';
  readonly category = 'input';
  readonly problem: WorkspacePathProblem;
  /** The path as the model wrote it (truncated to 200 characters). */
  readonly path: string;

  constructor({
    message,
    problem,
    path,
    cause,
  }: {
    message: string;
    problem: WorkspacePathProblem;
    path: string;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.problem = problem;
    this.path = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  }
}
