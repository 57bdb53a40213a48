/**
 * The user ids generated code may run as when quire runs as root: the range systemd sets aside
 * for users allocated on the fly (DynamicUser), which no login and no file outside the sandbox
 * belongs to.
 */
export const sandboxUidRange = { first: 61_184, last: 65_519 } as const;

/**
 * An unprivileged user id for one sandboxed process, picked at random from `sandboxUidRange`,
 * so processes running at the same time almost never share the kernel's per-user process count.
 * A shared id would only share that count: each sandbox sees none of the other's processes or
 * files. `random` returns a number in [0, 1).
 */
export function pickSandboxUid(random: () => number = Math.random): number {
  const size = sandboxUidRange.last - sandboxUidRange.first + 1;
  return sandboxUidRange.first + Math.min(size - 1, Math.floor(random() * size));
}
