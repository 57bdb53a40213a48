import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Suffix of the temporary files `writeFileAtomic` creates; none is ever kept. */
export const temporarySuffix = '.partial';

/**
 * Writes a file so that readers (and a resumed run after a crash) see either the old content or
 * the new one, never a part: the text goes to a fresh temporary file beside the target (created
 * exclusively, so an existing entry of that name, link or not, is never written through),
 * flushed to disk, then renamed over the target; a rename replaces a symbolic link at the
 * target rather than following it. With `mode`, the file gets it whatever the umask. The
 * temporary file is hidden (`.name.<random>.partial`), so a folder listing never shows it.
 * Errors are Node's, the temporary file removed.
 */
export async function writeFileAtomic({
  path,
  data,
  mode,
}: {
  path: string;
  data: string;
  mode?: number;
}): Promise<void> {
  const random = randomBytes(6).toString('hex');
  const temporary = join(dirname(path), `.${basename(path)}.${random}${temporarySuffix}`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}
