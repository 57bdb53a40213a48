import { chmod, lstat, mkdir, realpath, unlink } from 'node:fs/promises';
import { basename, dirname, join, posix, relative } from 'node:path';
import { WorkspacePathError } from '../../errors/workspace-path-error.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { checkRelativePath } from './check-relative-path.js';
import { type ConfinedPath, confinePath, isInside } from './confine-path.js';
import { listWorkspaceFiles, type WorkspaceListing } from './list-workspace-files.js';
import { readBoundedFile } from './read-bounded-file.js';

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
  /** The whole text of a regular file no larger than the workspace's `maxFileBytes`. */
  read(path: string): Promise<{ path: string; content: string }>;
  /** The first `maxBytes` of a regular file of any size, e.g. to summarise it. */
  readStart(path: string, maxBytes: number): Promise<{ path: string; content: string }>;
  write(path: string, content: string): Promise<{ path: string; created: boolean }>;
  /** Deletes a file, or a symbolic link itself (never what it points to). */
  remove(path: string): Promise<{ path: string }>;
}

/** Largest file the workspace reads whole: far above what `write_files` accepts. */
export const defaultMaxFileBytes = 1024 * 1024;

/**
 * Opens (and creates, when missing) the workspace folder at `root`. A `root` that is a symbolic
 * link, or not a folder, is refused (`rootNotFolder`): a run directory whose `workspace` leads
 * elsewhere would have quire write and run code there. Folders and files quire creates are
 * readable by everyone whatever the umask, since generated code runs as another, unprivileged
 * user when quire runs as root.
 */
export async function openWorkspace({
  root,
  maxFileBytes = defaultMaxFileBytes,
}: {
  root: string;
  maxFileBytes?: number;
}): Promise<Workspace> {
  const existing = await lstat(root).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new WorkspacePathError({
      message: `${root} is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}; quire writes and runs code only in a real folder there, never through a link: replace it with a folder`,
      problem: 'rootNotFolder',
      path: root,
    });
  }
  if (existing === undefined) await makeFolders(root);
  const realRoot = await realpath(root);
  const resolve = (path: string) => confinePath({ realRoot, path });
  const refuse = (
    path: string,
    problem: 'notFound' | 'notFile' | 'symlinkOutside' | 'tooLarge',
    message: string,
  ) => new WorkspacePathError({ message, problem, path });
  const readFile = async (path: string, maxBytes: number, whole: boolean) => {
    const target = await resolve(path);
    const found = await lstat(target.absolute).catch(() => undefined);
    if (!found) throw refuse(path, 'notFound', `"${target.relative}" does not exist`);
    if (found.isDirectory())
      throw refuse(path, 'notFile', `"${target.relative}" is a folder, not a file`);
    const read = await readBoundedFile({ path: target.absolute, maxBytes, whole });
    if (read.kind === 'notFile')
      throw refuse(path, 'notFile', `"${target.relative}" is not a regular file`);
    if (read.kind === 'tooLarge') {
      throw refuse(
        path,
        'tooLarge',
        `"${target.relative}" is ${read.size} bytes, over the ${maxBytes}-byte limit of files quire reads`,
      );
    }
    return { path: target.relative, content: read.content };
  };

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
    read: (path) => readFile(path, maxFileBytes, true),
    readStart: (path, maxBytes) => readFile(path, maxBytes, false),
    async write(path, content) {
      const target = await resolve(path);
      if (target.relative === '.')
        throw refuse(path, 'notFile', 'a file path is needed, not the project root');
      const existing = await lstat(target.absolute).catch(() => undefined);
      if (existing?.isDirectory())
        throw refuse(path, 'notFile', `"${target.relative}" is a folder, not a file`);
      await makeFolders(dirname(target.absolute));
      // The folders just made are new, but check again: the chain must still resolve inside.
      if (!isInside({ root: realRoot, candidate: await realpath(dirname(target.absolute)) })) {
        throw refuse(path, 'symlinkOutside', `"${path}" leads outside the project`);
      }
      await writeFileAtomic({ path: target.absolute, data: content, mode: 0o644 });
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

/** Creates `folder` and any missing parents, each readable and searchable by everyone. */
async function makeFolders(folder: string): Promise<void> {
  const first = await mkdir(folder, { recursive: true });
  if (first === undefined) return;
  for (let current = folder; ; current = dirname(current)) {
    await chmod(current, 0o755);
    if (current === first || relative(first, current).startsWith('..')) return;
  }
}
