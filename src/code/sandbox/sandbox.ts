import type { ProcessOutcome } from './run-confined-process.js';

/**
 * How generated code is confined. `bubblewrap`: in its own namespaces (no network, its own
 * process tree, a read-only view of the project), under kernel limits and, when quire runs as
 * root, an unprivileged user. `unconfined`: only Node's permission model and kernel limits,
 * because the user allowed it where bubblewrap cannot run.
 */
export type Confinement = 'bubblewrap' | 'unconfined';

/** What one generated process may use besides time. */
export interface ProcessLimits {
  /** V8 heap limit, and the kernel's limit on writable memory with an allowance for Node itself. */
  memoryLimitMb: number;
  /** Total size of everything the process writes (scratch files), and of any one file. */
  diskQuotaMb: number;
}

/** One run of Node inside the sandbox. */
export interface SandboxRunOptions extends ProcessLimits {
  /** The workspace's real path; the code sees it read-only as its working directory. */
  root: string;
  /** Node's arguments after the sandbox's own flags; workspace files go after `--` as `./path`. */
  args: string[];
  timeoutMs: number;
  /**
   * Node's permission model on top of the sandbox (the default): file access limited to the
   * project and the scratch folder, no child processes, no workers. Tests of the kernel limits
   * turn it off to reach them.
   */
  permissionModel?: boolean;
  abortSignal?: AbortSignal;
}

/** Where generated code runs. Every process that reads or runs workspace code goes through it. */
export interface Sandbox {
  readonly confinement: Confinement;
  /** Why bubblewrap is not used, for an `unconfined` sandbox. */
  readonly weakness: string | undefined;
  /** Why code in `root` must not run at all in this sandbox, or undefined when it may. */
  refusal(root: string): Promise<string | undefined>;
  /** Runs Node on workspace code; resolves with how it ended, rejects only on abort. */
  run(options: SandboxRunOptions): Promise<ProcessOutcome>;
}

/** Paths inside a bubblewrap sandbox: a size-limited tmpfs holding the project and scratch space. */
export const sandboxPaths = {
  top: '/sandbox',
  project: '/sandbox/project',
  scratch: '/sandbox/tmp',
} as const;
