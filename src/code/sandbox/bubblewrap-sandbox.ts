import {
  bubblewrapArguments,
  type SandboxTools,
  type SystemMount,
} from './bubblewrap-arguments.js';
import { countsTasksPerUserNamespace, countUserTasks } from './count-user-tasks.js';
import { limitArguments, taskAllowance } from './limit-arguments.js';
import { nodeFlags } from './node-flags.js';
import { pickSandboxUid } from './pick-sandbox-uid.js';
import { runConfinedProcess } from './run-confined-process.js';
import { type Sandbox, sandboxPaths } from './sandbox.js';
import { sanitiseEnvironment } from './sanitise-environment.js';

/**
 * A sandbox that runs each generated process under bubblewrap (see `bubblewrapArguments`), in
 * its own process group killed as a whole at the time limit, with secrets removed from its
 * environment and Node's permission model inside as a second wall. When quire runs as root,
 * each process runs as a fresh unprivileged user, since the kernel does not apply the process
 * limit to root.
 */
export function createBubblewrapSandbox({
  tools,
  systemMounts,
  nodePath,
  env,
  userId,
}: {
  tools: SandboxTools;
  systemMounts: SystemMount[];
  /** Node's real path on the host. */
  nodePath: string;
  /** The environment generated code's environment is built from (secrets are removed). */
  env: Record<string, string | undefined>;
  /** The user quire runs as; 0 means root. */
  userId: number;
}): Sandbox {
  const bound = systemMounts.filter((mount) => mount.linkTarget === undefined);
  const extraFiles = [nodePath, tools.prlimit, tools.setpriv]
    .filter((file): file is string => file !== undefined)
    .filter((file) => !bound.some((mount) => file.startsWith(`${mount.path}/`)));
  const childEnv = sanitiseEnvironment({ env, home: sandboxPaths.scratch });
  return {
    confinement: 'bubblewrap',
    weakness: undefined,
    // Links leading out resolve inside the sandbox's own view of the disk, so none is refused.
    refusal: async () => undefined,
    async run({
      root,
      args,
      timeoutMs,
      memoryLimitMb,
      diskQuotaMb,
      permissionModel = true,
      abortSignal,
    }) {
      const uid = userId === 0 ? pickSandboxUid() : undefined;
      // In its own user namespace on a recent kernel the sandbox's count starts at zero; else the
      // user's other tasks count too, and the limit must leave room for them.
      const tasks =
        uid === undefined && countsTasksPerUserNamespace()
          ? 0
          : await countUserTasks({ uid: uid ?? userId });
      const flags = nodeFlags({
        memoryLimitMb,
        permissionModel,
        readPaths: [sandboxPaths.top],
        writePaths: [sandboxPaths.scratch],
      });
      return runConfinedProcess({
        command: tools.bwrap,
        args: bubblewrapArguments({
          tools,
          systemMounts,
          extraFiles,
          root,
          uid,
          diskQuotaMb,
          limits: limitArguments({ memoryLimitMb, diskQuotaMb, taskLimit: tasks + taskAllowance }),
          nodePath,
          nodeArgs: [...flags, ...args],
        }),
        cwd: '/',
        env: childEnv,
        timeoutMs,
        abortSignal,
      });
    },
  };
}
