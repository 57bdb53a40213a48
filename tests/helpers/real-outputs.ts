import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder of `../shared/data/real-outputs` (real model outputs with their published numbers),
 * read where it lies, never copied. When it is absent, says so once, naming the folder, so the
 * tests that need it are skipped for a stated reason.
 */
export function realOutputs(folder: string): { present: boolean; path: (file: string) => string } {
  const root = join(process.cwd(), '..', 'shared', 'data', 'real-outputs', folder);
  const present = existsSync(root);
  if (!present) {
    console.warn(`skipped: ../shared/data/real-outputs/${folder} is not present`);
  }
  return { present, path: (file) => join(root, file) };
}
