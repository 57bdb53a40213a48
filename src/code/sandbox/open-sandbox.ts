import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxUnavailableError } from '../../errors/sandbox-unavailable-error.js';
import { createBubblewrapSandbox } from './bubblewrap-sandbox.js';
import { discoverSystemMounts } from './discover-system-mounts.js';
import { findExecutable } from './find-executable.js';
import type { Sandbox } from './sandbox.js';
import { createUnconfinedSandbox } from './unconfined-sandbox.js';

/** Probes already made in this process, by tools and Node: the host does not change under us. */
const probes = new Map<string, Promise<string | undefined>>();

/**
 * The sandbox generated code runs in. Bubblewrap is used when it is installed and really starts
 * a confined Node here (a probe runs one, once per process); otherwise, when `allowUnconfined`
 * is set, a sandbox that relies on Node's permission model and resource limits only, which says
 * why in `weakness`. Otherwise throws `SandboxUnavailableError`: generated code never runs
 * unconfined by accident.
 */
export async function openSandbox({
  allowUnconfined = false,
  env = process.env,
  nodePath = process.execPath,
  searchPath = env.PATH,
  platform = process.platform,
  userId = process.getuid?.() ?? -1,
  toolNames = { bwrap: 'bwrap', prlimit: 'prlimit', setpriv: 'setpriv' },
}: {
  allowUnconfined?: boolean;
  /** The environment generated code's environment is built from (secrets are removed). */
  env?: Record<string, string | undefined>;
  nodePath?: string;
  /** Where to look for the tools (a PATH string). */
  searchPath?: string;
  platform?: NodeJS.Platform;
  /** The user quire runs as; 0 means root. */
  userId?: number;
  /** The tools' names (injectable for tests of a host without them). */
  toolNames?: { bwrap: string; prlimit: string; setpriv: string };
} = {}): Promise<Sandbox> {
  const find = (name: string) => findExecutable({ name, searchPath });
  const prlimit = await find(toolNames.prlimit);
  let weakness: string | undefined;
  if (platform !== 'linux') weakness = `bubblewrap runs only on Linux, and this is ${platform}`;
  else {
    const bwrap = await find(toolNames.bwrap);
    const setpriv = userId === 0 ? await find(toolNames.setpriv) : undefined;
    if (bwrap === undefined) weakness = 'bubblewrap (bwrap) is not installed';
    else if (prlimit === undefined) weakness = 'prlimit (util-linux) is not installed';
    else if (userId === 0 && setpriv === undefined)
      weakness = 'setpriv (util-linux), which drops root privileges, is not installed';
    else {
      const sandbox = createBubblewrapSandbox({
        tools: { bwrap, prlimit, setpriv },
        systemMounts: await discoverSystemMounts(),
        nodePath,
        env,
        userId,
      });
      const key = JSON.stringify([bwrap, prlimit, setpriv, nodePath, userId]);
      let probe = probes.get(key);
      if (probe === undefined) {
        probe = probeSandbox(sandbox);
        probes.set(key, probe);
      }
      weakness = await probe;
      if (weakness === undefined) return sandbox;
    }
  }
  if (!allowUnconfined) throw new SandboxUnavailableError({ weakness });
  return createUnconfinedSandbox({ weakness, prlimit, nodePath, env, userId });
}

/** Starts Node in the sandbox once; undefined when it ran, else why it did not. */
async function probeSandbox(sandbox: Sandbox): Promise<string | undefined> {
  const root = await mkdtemp(join(tmpdir(), 'quire-probe-'));
  try {
    // Readable by the unprivileged user generated code runs as under root, like a workspace.
    await chmod(root, 0o755);
    const outcome = await sandbox.run({
      root,
      args: ['-e', 'process.exit(0)'],
      timeoutMs: 60_000,
      memoryLimitMb: 64,
      diskQuotaMb: 1,
    });
    if (outcome.exitCode === 0) return undefined;
    const detail =
      outcome.spawnError ??
      outcome.stderr.split('\n').find((line) => line.trim() !== '') ??
      (outcome.timedOut
        ? 'it did not finish in 60 s'
        : `exit ${outcome.exitCode ?? outcome.signal}`);
    return `bubblewrap could not start a sandbox (${detail.trim().slice(0, 200)})`;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
