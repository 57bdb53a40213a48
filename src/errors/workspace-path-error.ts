import { QuireError } from './quire-error.js';

/**
 * Why a path given by the model was refused by the workspace.
 * - `empty`, `nulByte`, `tooLong`, `backslash`, `home`: not a usable relative path.
 * - `optionLike`: a folder or file name starts with `-`, so a program could read it as an option.
 * - `absolute`: starts at a filesystem root or a drive.
 * - `escapes`: `..` segments lead out of the workspace.
 * - `symlinkOutside`: a symbolic link on the way resolves outside the workspace (or dangles).
 * - `notFound`, `notFile`: nothing to read or delete there, or a folder, FIFO or device instead
 *   of a regular file.
 * - `tooLarge`: a file larger than the workspace reads.
 * - `rootNotFolder`: the workspace folder itself is a symbolic link or not a folder (a damaged or
 *   hostile run directory); this one reaches the user, as an input error.
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
  | 'notFile'
  | 'tooLarge'
  | 'optionLike'
  | 'rootNotFolder';

/**
 * A path outside the workspace, or unusable in it. Tools turn it into a result the model reads;
 * it reaches the user only for a workspace folder that cannot be used at all (`rootNotFolder`).
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
