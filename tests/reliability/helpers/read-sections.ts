import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The committed sections of a run (`sections/NNN-*.md`), by file name. */
export async function readSections(directory: string): Promise<Map<string, string>> {
  const folder = join(directory, 'sections');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) =>
    /^\d{3,}-.*\.md$/.test(name),
  );
  const entries = await Promise.all(
    names.map(async (name) => [name, await readFile(join(folder, name), 'utf8')] as const),
  );
  return new Map(entries);
}

/** Every file under `directory` whose name marks an unfinished atomic write. */
export async function findTemporaryFiles(directory: string): Promise<string[]> {
  const names = await readdir(directory, { recursive: true });
  return names.filter((name) => name.endsWith('.partial'));
}
