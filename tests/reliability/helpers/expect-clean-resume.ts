import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { countEvents, type JournalEvent, readJournal } from './read-journal.js';
import { findTemporaryFiles, readSections } from './read-sections.js';

/**
 * Asserts what a run killed `kills` times and then resumed to the end must show: completed, all
 * `sectionCount` sections there, none of the `finished` ones changed, no unfinished atomic
 * write left, an untorn journal in which each section ended once, every start after the first
 * a resume, and one end. Answers the journal's events, for a drill's own checks.
 */
export async function expectCleanResume({
  directory,
  sectionCount,
  finished,
  kills,
}: {
  directory: string;
  sectionCount: number;
  /** Sections seen committed between the kills, by file name. */
  finished: ReadonlyMap<string, string>;
  kills: number;
}): Promise<JournalEvent[]> {
  const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
  expect(info.status).toBe('completed');
  const final = await readSections(directory);
  expect(final.size).toBe(sectionCount);
  for (const [name, text] of finished) expect(final.get(name), `${name} changed`).toBe(text);
  expect(await findTemporaryFiles(directory)).toEqual([]);
  const { events, torn } = await readJournal(directory);
  expect(torn).toBe('');
  const ends = events.filter((event) => event.type === 'step-end').map((event) => event.sectionId);
  expect(new Set(ends).size).toBe(ends.length);
  expect(ends).toHaveLength(sectionCount);
  const starts = events.filter((event) => event.type === 'run-start');
  expect(starts).toHaveLength(kills + 1);
  expect(starts.slice(1).every((event) => event.resumed === true)).toBe(true);
  expect(countEvents(events, 'run-end')).toBe(1);
  return events;
}
