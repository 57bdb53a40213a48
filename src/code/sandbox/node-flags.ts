/**
 * The Node flags every generated process starts with: a V8 heap limit, no warnings (so output
 * parses), and, unless turned off, Node's permission model (`--permission` on recent Node,
 * `--experimental-permission` on Node 20) with reads limited to `readPaths` and writes to
 * `writePaths`. No `--allow-child-process` and no `--allow-worker`, so the code can start
 * neither. Each path gets its own flag: Node reads `*` in them as a wildcard, so callers pass
 * only paths they control. Pure.
 */
export function nodeFlags({
  memoryLimitMb,
  permissionModel,
  readPaths,
  writePaths,
  allowedFlags = process.allowedNodeEnvironmentFlags,
}: {
  memoryLimitMb: number;
  permissionModel: boolean;
  readPaths: string[];
  writePaths: string[];
  /** The flags the running Node accepts (injectable for tests). */
  allowedFlags?: ReadonlySet<string>;
}): string[] {
  const flags = [`--max-old-space-size=${memoryLimitMb}`, '--no-warnings'];
  const permission = ['--permission', '--experimental-permission'].find((flag) =>
    allowedFlags.has(flag),
  );
  if (!permissionModel || permission === undefined) return flags;
  return [
    ...flags,
    permission,
    ...readPaths.map((path) => `--allow-fs-read=${path}`),
    ...writePaths.map((path) => `--allow-fs-write=${path}`),
  ];
}
