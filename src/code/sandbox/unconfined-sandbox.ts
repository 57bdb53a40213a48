import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEscapingLinks } from '../workspace/find-escaping-links.js';
import { countUserTasks } from './count-user-tasks.js';
import { limitArguments, taskAllowance } from './limit-arguments.js';
import { nodeFlags } from './node-flags.js';
import { runConfinedProcess } from './run-confined-process.js';
import type { Sandbox } from './sandbox.js';
import { sanitiseEnvironment } from './sanitise-environment.js';

/**
 * The sandbox used only when the user allows generated code to run without bubblewrap: each
 * process runs in its own process group under Node's permission model (reads limited to the
 * project and a fresh scratch folder, writes to the scratch folder), with kernel limits through
 * `prlimit` when it is installed (the process limit only for a non-root user, leaving room for
 * that user's own processes), and without secrets in its environment. The network, other
 * processes of the same user and the host's Unix sockets stay within its reach.
 */
export function createUnconfinedSandbox({
  weakness,
  prlimit,
  nodePath,
  env,
  userId,
}: {
  /** Why bubblewrap is not used. */
  weakness: string;
  /** `prlimit`'s path, when installed. */
  prlimit: string | undefined;
  nodePath: string;
  env: Record<string, string | undefined>;
  /** The user quire runs as; 0 means root. */
  userId: number;
}): Sandbox {
  return {
    confinement: 'unconfined',
    weakness,
    async refusal(root) {
      // Node reads `*` in a permission path as a wildcard (and Node 20 once read `,` as a list),
      // so such a path would grant more than the project.
      const special = [root, tmpdir()].find((path) => /[*,]/.test(path));
      if (special !== undefined) {
        return `the path ${special} holds "*" or ",", which Node's permission model reads as a pattern; move the run directory, or install bubblewrap`;
      }
      const links = await findEscapingLinks({ root });
      if (links.length === 0) return undefined;
      return `the project holds symbolic links leading outside it (${links.slice(0, 5).join(', ')}), which Node's permission model would follow; delete them, or install bubblewrap`;
    },
    async run({
      root,
      args,
      timeoutMs,
      memoryLimitMb,
      diskQuotaMb,
      permissionModel = true,
      abortSignal,
    }) {
      const scratch = await mkdtemp(join(tmpdir(), 'quire-scratch-'));
      try {
        const node = [
          nodePath,
          ...nodeFlags({
            memoryLimitMb,
            permissionModel,
            readPaths: [root, scratch],
            writePaths: [scratch],
          }),
          ...args,
        ];
        const taskLimit =
          userId === 0 ? undefined : (await countUserTasks({ uid: userId })) + taskAllowance;
        const command =
          prlimit === undefined
            ? node
            : [
                prlimit,
                ...limitArguments({ memoryLimitMb, diskQuotaMb, taskLimit }),
                '--',
                ...node,
              ];
        return await runConfinedProcess({
          command: command[0]!,
          args: command.slice(1),
          cwd: root,
          env: sanitiseEnvironment({ env, home: scratch }),
          timeoutMs,
          abortSignal,
        });
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
  };
}
