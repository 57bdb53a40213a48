import { dirname } from 'node:path';
import { sandboxPaths } from './sandbox.js';

/** A top-level system folder shown inside the sandbox: bound read-only, or recreated as a link. */
export interface SystemMount {
  path: string;
  /** Set when the host's entry is a symbolic link (e.g. `/lib` → `usr/lib` on merged-/usr systems). */
  linkTarget?: string;
}

/** The executables the sandbox needs, by real path on the host. */
export interface SandboxTools {
  bwrap: string;
  prlimit: string;
  /** Needed only when quire runs as root, to drop to an unprivileged user. */
  setpriv: string | undefined;
}

/**
 * The bubblewrap command line that runs `node` confined. Inside, the code sees read-only system
 * folders, the project read-only at `/sandbox/project` (its working directory), and writable
 * scratch space at `/sandbox/tmp`, both inside one tmpfs of `diskQuotaMb`; `/dev` is minimal and
 * read-only; `/proc` shows only the sandbox's own processes. It has its own network (none: not
 * even loopback reaches the host, so no TCP, UDP or abstract Unix socket does), IPC, hostname
 * and process namespaces, a new session (no terminal to inject keystrokes into), and dies with
 * quire. As an unprivileged user, bubblewrap makes a user namespace and forbids nested ones. As
 * root, no user namespace is made (root's uid would map to root): `setpriv` drops to `uid`, with
 * no capabilities, before the kernel limits are applied by `prlimit`. The limits are set inside
 * the namespaces so that per-user process counts start from the sandbox's own. Pure.
 */
export function bubblewrapArguments({
  tools,
  systemMounts,
  extraFiles,
  root,
  uid,
  diskQuotaMb,
  limits,
  nodePath,
  nodeArgs,
}: {
  tools: SandboxTools;
  systemMounts: SystemMount[];
  /** Host files bound read-only at the same path (Node itself when it lives outside /usr). */
  extraFiles: string[];
  /** The workspace's real path on the host. */
  root: string;
  /** The unprivileged user to run as when quire is root; undefined otherwise. */
  uid: number | undefined;
  diskQuotaMb: number;
  /** `prlimit` options. */
  limits: string[];
  nodePath: string;
  nodeArgs: string[];
}): string[] {
  const namespaces =
    uid === undefined
      ? ['--unshare-all', '--unshare-user', '--disable-userns']
      : [
          '--unshare-ipc',
          '--unshare-pid',
          '--unshare-net',
          '--unshare-uts',
          '--unshare-cgroup-try',
        ];
  // Folders bubblewrap would make for a bound file are private (0700) to root, which would
  // lock out the unprivileged user; `--dir` makes them searchable.
  const parents = [
    ...new Set([...systemMounts.map(({ path }) => path), ...extraFiles].map(dirname)),
  ].filter((folder) => folder !== '/');
  const mounts = systemMounts.flatMap(({ path, linkTarget }) =>
    linkTarget === undefined ? ['--ro-bind', path, path] : ['--symlink', linkTarget, path],
  );
  const dropPrivileges =
    uid === undefined
      ? []
      : [
          tools.setpriv ?? 'setpriv',
          `--reuid=${uid}`,
          `--regid=${uid}`,
          '--clear-groups',
          '--inh-caps=-all',
          '--bounding-set=-all',
          '--',
        ];
  return [
    ...namespaces,
    '--die-with-parent',
    '--new-session',
    '--hostname',
    'sandbox',
    ...parents.flatMap((folder) => ['--dir', folder]),
    ...mounts,
    ...extraFiles.flatMap((file) => ['--ro-bind', file, file]),
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--remount-ro',
    '/dev',
    '--size',
    String(diskQuotaMb * 1024 * 1024),
    '--tmpfs',
    sandboxPaths.top,
    '--ro-bind',
    root,
    sandboxPaths.project,
    '--perms',
    '1777',
    '--dir',
    sandboxPaths.scratch,
    '--chdir',
    sandboxPaths.project,
    '--',
    ...dropPrivileges,
    tools.prlimit,
    ...limits,
    '--',
    nodePath,
    ...nodeArgs,
  ];
}
