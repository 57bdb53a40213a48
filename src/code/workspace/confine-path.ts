import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative as relativePath, sep } from 'node:path';
import { WorkspacePathError } from '../../errors/workspace-path-error.js';
import { checkRelativePath } from './check-relative-path.js';

/** A path inside the workspace, in both forms. */
export interface ConfinedPath {
  /** Normalised, relative to the workspace root, `/`-separated. */
  relative: string;
  /** Absolute, under the workspace's real root. */
  absolute: string;
}

/**
 * Resolves a model-given path inside the workspace, or throws `WorkspacePathError`. Besides the
 * textual checks, the nearest existing ancestor of the target (the target itself when it exists)
 * is resolved with `realpath`, so a symbolic link planted anywhere on the way that leads out of
 * the workspace is refused, and so is a dangling one.
 */
export async function confinePath({
  realRoot,
  path,
}: {
  /** The workspace root, already resolved with `realpath`. */
  realRoot: string;
  path: string;
}): Promise<ConfinedPath> {
  const checked = checkRelativePath(path);
  if (!checked.ok) {
    throw new WorkspacePathError({ message: checked.message, problem: checked.problem, path });
  }
  const absolute = checked.relative === '.' ? realRoot : join(realRoot, checked.relative);
  for (let current = absolute; ; current = dirname(current)) {
    const resolved = await resolveExisting(current);
    if (resolved === 'dangling') throw outside(path, 'a symbolic link on the way points nowhere');
    if (resolved === undefined) {
      if (current === realRoot || !isInside({ root: realRoot, candidate: current })) {
        throw new WorkspacePathError({
          message: 'the project folder itself is missing',
          problem: 'notFound',
          path,
        });
      }
      continue;
    }
    if (!isInside({ root: realRoot, candidate: resolved })) {
      throw outside(path, 'a symbolic link on the way leads outside the project');
    }
    return { relative: checked.relative, absolute };
  }
}

/** The real path of an existing entry, `undefined` when nothing is there, or a dangling link. */
async function resolveExisting(path: string): Promise<string | 'dangling' | undefined> {
  try {
    return await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    const link = await lstat(path).catch(() => undefined);
    return link?.isSymbolicLink() ? 'dangling' : undefined;
  }
}

/** True when `candidate` is `root` or below it. */
export function isInside({ root, candidate }: { root: string; candidate: string }): boolean {
  const relative = relativePath(root, candidate);
  // On Windows a path on another drive comes back absolute.
  return (
    relative === '' ||
    (!isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${sep}`))
  );
}

function outside(path: string, why: string): WorkspacePathError {
  return new WorkspacePathError({
    message: `"${path}" is refused: ${why}`,
    problem: 'symlinkOutside',
    path,
  });
}
