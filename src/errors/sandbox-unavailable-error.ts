import { QuireError } from './quire-error.js';

/**
 * Generated code would have to run without bubblewrap, and the user did not allow that. Nothing
 * has run, and no run directory was made by the CLI.
 */
export class SandboxUnavailableError extends QuireError {
  readonly code = 'sandbox-unavailable';
  readonly category = 'input';
  /** What stops bubblewrap here: a missing tool, a non-Linux system, or bubblewrap's own error. */
  readonly weakness: string;

  constructor({ weakness, cause }: { weakness: string; cause?: unknown }) {
    super(
      `generated code cannot be confined here: ${weakness}. Install bubblewrap (Debian and Ubuntu: apt-get install bubblewrap) with user namespaces allowed, or pass --allow-unconfined to run it anyway under Node's permission model and resource limits only.`,
      { cause },
    );
    this.weakness = weakness;
  }
}
