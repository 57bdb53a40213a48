import { lstat, mkdir, readFile, realpath, unlink } from 'node:fs/promises';
import { basename, dirname, join, posix } from 'node:path';
import { WorkspacePathError } from '../../errors/workspace-path-error.js';
import { checkRelativePath } from './check-relative-path.js';
import { type ConfinedPath, confinePath, isInside } from './confine-path.js';
import { listWorkspaceFiles, type WorkspaceListing } from './list-workspace-files.js';
import { writeFileAtomically } from './write-file-atomically.js';

/**
 * The only part of the disk a code step can touch. Every path goes through `confinePath`, so
 * absolute paths, `..` escapes and symbolic links leading out are refused with a
 * `WorkspacePathError` the tools hand back to the model.
 */
export interface Workspace {
  /** The workspace root, resolved with `realpath`. */
  readonly root: string;
  resolve(path: string): Promise<ConfinedPath>;
  list(options?: { directory?: string }): Promise<WorkspaceListing>;
  read(path: string): Promise<{ path: string; content: string }>;
  write(path: string, content: string): Promise<{ path: string; created: boolean }>;
  /** Deletes a file, or a symbolic link itself (never what it points to). */
  remove(path: string): Promise<{ path: string }>;
}

/** Opens (and creates, when missing) the workspace folder at `root`. */
export async function openWorkspace({ root }: { root: string }): Promise<Workspace> {
  await mkdir(root, { recursive: true });
  const realRoot = await realpath(root);
  const resolve = (path: string) => confinePath({ realRoot, path });
  const refuse = (
    path: string,
    problem: 'notFound' | 'notFile' | 'symlinkOutside',
    message: string,
  ) => new WorkspacePathError({ message, problem, path });

  return {
    root: realRoot,
    resolve,
    async list({ directory = '.' } = {}) {
      const target = await resolve(directory);
      const found = await lstat(target.absolute).catch(() => undefined);
      if (!found?.isDirectory())
        throw refuse(directory, 'notFound', `"${target.relative}" is not a folder of the project`);
      return listWorkspaceFiles({ root: realRoot, directory: target.absolute });
    },
    async read(path) {
      const target = await resolve(path);
      const found = await lstat(target.absolute).catch(() => undefined);
      if (!found) throw refuse(path, 'notFound', `"${target.relative}" does not exist`);
      if (found.isDirectory())
        throw refuse(path, 'notFile', `"${target.relative}" is a folder, not a file`);
      return { path: target.relative, content: await readFile(target.absolute, 'utf8') };
    },
    async write(path, content) {
      const target = await resolve(path);
      if (target.relative === '.')
        throw refuse(path, 'notFile', 'a file path is needed, not the project root');
      const existing = await lstat(target.absolute).catch(() => undefined);
      if (existing?.isDirectory())
        throw refuse(path, 'notFile', `"${target.relative}" is a folder, not a file`);
      await mkdir(dirname(target.absolute), { recursive: true });
      // The folders just made are new, but check again: the chain must still resolve inside.
      if (!isInside({ root: realRoot, candidate: await realpath(dirname(target.absolute)) })) {
        throw refuse(path, 'symlinkOutside', `"${path}" leads outside the project`);
      }
      await writeFileAtomically({ path: target.absolute, content });
      return { path: target.relative, created: existing === undefined };
    },
    async remove(path) {
      // Only the folder holding the entry must resolve inside: unlinking removes the entry itself,
      // so a link leading out can be deleted without its target being touched.
      const checked = checkRelativePath(path);
      if (!checked.ok)
        throw new WorkspacePathError({ message: checked.message, problem: checked.problem, path });
      if (checked.relative === '.')
        throw refuse(path, 'notFile', 'the project root cannot be deleted');
      const folder = await resolve(posix.dirname(checked.relative));
      const absolute = join(folder.absolute, basename(checked.relative));
      const found = await lstat(absolute).catch(() => undefined);
      if (!found) throw refuse(path, 'notFound', `"${checked.relative}" does not exist`);
      if (found.isDirectory())
        throw refuse(path, 'notFile', `"${checked.relative}" is a folder, not a file`);
      await unlink(absolute);
      return { path: checked.relative };
    },
  };
}
