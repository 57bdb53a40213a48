import { constants } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * The real path of the executable `name`, looked up in `searchPath` (a PATH string; relative
 * entries are ignored, as a folder an attacker could control); undefined when none is found.
 */
export async function findExecutable({
  name,
  searchPath = process.env.PATH ?? '',
}: {
  name: string;
  searchPath?: string;
}): Promise<string | undefined> {
  for (const folder of searchPath.split(delimiter).filter(isAbsolute)) {
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
