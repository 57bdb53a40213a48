import { join } from 'node:path';
import { readJournal } from './journal.js';
import { readRunSections, runFiles } from './run-store.js';

/**
 * Reads a run's journal and sections once before a session continues it, so a damaged run (a
 * line that is not JSON, a section replaced by a link, a `sections` that is a file) is refused
 * in one line before any work or output starts. Throws `DamagedFileError`.
 */
export async function verifyRunFiles(directory: string): Promise<void> {
  await readJournal(join(directory, runFiles.journal));
  await readRunSections(directory);
}
