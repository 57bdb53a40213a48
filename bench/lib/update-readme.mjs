import { readFile, writeFile } from 'node:fs/promises';

export const startMarker = '<!-- bench:results:start -->';
export const endMarker = '<!-- bench:results:end -->';

/**
 * Replaces what lies between the results markers of `path` with `markdown`, leaving the rest of
 * the file as written by hand. Throws when the markers are missing, rather than guessing.
 */
export async function updateReadme({ path, markdown }) {
  const text = await readFile(path, 'utf8');
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start < 0 || end < start) {
    throw new Error(`${path} has no ${startMarker} … ${endMarker} block to fill`);
  }
  const updated = `${text.slice(0, start + startMarker.length)}\n${markdown}\n${text.slice(end)}`;
  await writeFile(path, updated);
}
