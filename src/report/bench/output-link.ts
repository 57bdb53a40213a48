import { join, relative, sep } from 'node:path';

/**
 * A link from the page to a file of the benchmark (an item's run directory or answer),
 * relative to the folder the page is written in, so the folder can be moved or zipped whole.
 * Pure.
 */
export function outputLink({
  reportDirectory,
  path,
}: {
  reportDirectory: string;
  path: string;
}): string {
  return relative(reportDirectory, path).split(sep).map(encodeURIComponent).join('/');
}

/** The document of an item answered in quire mode: `<run>/document.md`. Pure. */
export function runDocumentPath(runDirectory: string): string {
  return join(runDirectory, 'document.md');
}
