import { constants } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';

/** Where system tools live even when PATH leaves them out (e.g. `/usr/sbin` for a normal user). */
const systemFolders = ['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin'];

/**
 * The real path of the executable `name`, looked up in `searchPath` (a PATH string) and then in
 * the usual system folders; undefined when none is found.
 */
export async function findExecutable({
  name,
  searchPath = process.env.PATH ?? '',
}: {
  name: string;
  searchPath?: string;
}): Promise<string | undefined> {
  const folders = [...searchPath.split(delimiter).filter(isAbsolute), ...systemFolders];
  for (const folder of folders) {
    const candidate = join(folder, name);
    try {
      await access(candidate, constants.X_OK);
      return await realpath(candidate);
    } catch {
      // Not here; try the next folder.
    }
  }
  return undefined;
}
