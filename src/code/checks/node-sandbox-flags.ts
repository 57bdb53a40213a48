/** How far generated code is confined by the Node runtime itself. */
export type Confinement = 'permission' | 'none';

/**
 * Node flags that confine a process to the workspace: a V8 heap limit, and Node's permission
 * model (`--permission` on recent Node, `--experimental-permission` on Node 20) with file reads
 * and writes limited to the workspace. No `--allow-child-process` and no `--allow-worker`, so
 * the code can start neither. When the runtime has no permission model the flags hold the
 * memory limit only and `confinement` says `none`. Pure.
 */
export function nodeSandboxFlags({
  root,
  memoryLimitMb,
  allowedFlags = process.allowedNodeEnvironmentFlags,
}: {
  /** The workspace's real path. */
  root: string;
  memoryLimitMb: number;
  /** The flags the running Node accepts (injectable for tests). */
  allowedFlags?: ReadonlySet<string>;
}): { flags: string[]; confinement: Confinement } {
  const flags = [`--max-old-space-size=${memoryLimitMb}`];
  const permission = ['--permission', '--experimental-permission'].find((flag) =>
    allowedFlags.has(flag),
  );
  if (permission === undefined) return { flags, confinement: 'none' };
  flags.push(permission, `--allow-fs-read=${root}`, `--allow-fs-write=${root}`);
  return { flags, confinement: 'permission' };
}
