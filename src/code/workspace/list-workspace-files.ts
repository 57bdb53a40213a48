import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** One file of the workspace. */
export interface WorkspaceFile {
  /** Relative to the workspace root, `/`-separated. */
  path: string;
  size: number;
}

/** What a listing found. */
export interface WorkspaceListing {
  files: WorkspaceFile[];
  /** Folders left out on purpose (dependencies, version control), relative paths. */
  skippedFolders: string[];
  /** Symbolic links found; they are never followed. */
  symlinks: string[];
  /** True when the listing stopped at `limit` files. */
  truncated: boolean;
}

const skippedNames = new Set(['node_modules', '.git']);

/**
 * Lists the regular files under `directory` (absolute, inside the workspace) in a stable order,
 * without following symbolic links, skipping `node_modules` and `.git`, and stopping at `limit`.
 */
export async function listWorkspaceFiles({
  root,
  directory = root,
  limit = 2_000,
}: {
  /** The workspace's real root; paths are reported relative to it. */
  root: string;
  directory?: string;
  limit?: number;
}): Promise<WorkspaceListing> {
  const listing: WorkspaceListing = {
    files: [],
    skippedFolders: [],
    symlinks: [],
    truncated: false,
  };
  const prefix =
    directory === root
      ? ''
      : `${directory
          .slice(root.length + 1)
          .split('\\')
          .join('/')}/`;
  await walk({ absolute: directory, relative: prefix, listing, limit });
  listing.files.sort((left, right) => left.path.localeCompare(right.path));
  return listing;
}

async function walk({
  absolute,
  relative,
  listing,
  limit,
}: {
  absolute: string;
  relative: string;
  listing: WorkspaceListing;
  limit: number;
}): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(absolute, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((left, right) => left.name.localeCompare(right.name));
  for (const entry of entries) {
    if (listing.files.length >= limit) {
      listing.truncated = true;
      return;
    }
    const path = `${relative}${entry.name}`;
    if (entry.isSymbolicLink()) listing.symlinks.push(path);
    else if (entry.isDirectory()) {
      if (skippedNames.has(entry.name)) listing.skippedFolders.push(path);
      else
        await walk({ absolute: join(absolute, entry.name), relative: `${path}/`, listing, limit });
    } else if (entry.isFile() && !/^\..+\.[0-9a-f]{12}\.tmp$/.test(entry.name)) {
      const size = await stat(join(absolute, entry.name)).then(
        (found) => found.size,
        () => 0,
      );
      listing.files.push({ path, size });
    }
  }
}
