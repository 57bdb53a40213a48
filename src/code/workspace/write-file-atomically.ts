import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never half of it: the text goes
 * to a fresh temporary file beside the target (created exclusively, so an existing entry of that
 * name, link or not, is never written through), which is then renamed over the target. A rename
 * replaces a symbolic link at the target rather than following it. The file is readable by
 * everyone whatever the umask (generated code may run as another user).
 */
export async function writeFileAtomically({
  path,
  content,
}: {
  path: string;
  content: string;
}): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    await chmod(temporary, 0o644);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
