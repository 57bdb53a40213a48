import { lstat, readlink } from 'node:fs/promises';
import type { SystemMount } from './bubblewrap-arguments.js';

/**
 * What Node needs from the host to start: programs and libraries, and the dynamic linker's and
 * the clock's configuration. Nothing else of the host (no home folders, no /etc secrets, no
 * /run or /tmp with their sockets) is shown to generated code.
 */
const systemPaths = [
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/etc/ld.so.cache',
  '/etc/ld.so.conf',
  '/etc/ld.so.conf.d',
  '/etc/localtime',
];

/** The entries of `systemPaths` this host has, each as a folder to bind or a link to recreate. */
export async function discoverSystemMounts(): Promise<SystemMount[]> {
  const mounts: SystemMount[] = [];
  for (const path of systemPaths) {
    const found = await lstat(path).catch(() => undefined);
    if (found === undefined) continue;
    mounts.push(found.isSymbolicLink() ? { path, linkTarget: await readlink(path) } : { path });
  }
  return mounts;
}
