import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One journal event, as far as these tests read it. */
export interface JournalEvent {
  type: string;
  sectionId?: string;
  runId?: string;
  resumed?: boolean;
  [field: string]: unknown;
}

/**
 * Reads `journal.jsonl` strictly: every complete line must be one JSON object, or this throws
 * naming the line. `torn` is the unterminated text after the last newline, which only a kill in
 * the middle of an append can leave (and the next session removes).
 */
export async function readJournal(
  directory: string,
): Promise<{ events: JournalEvent[]; torn: string }> {
  const text = await readFile(join(directory, 'journal.jsonl'), 'utf8').catch(() => '');
  const end = text.lastIndexOf('\n') + 1;
  const events = text
    .slice(0, end)
    .split('\n')
    .slice(0, -1)
    .map((line, index) => {
      try {
        const event = JSON.parse(line) as JournalEvent;
        if (typeof event.type !== 'string') throw new Error('no "type"');
        return event;
      } catch (error) {
        throw new Error(`journal line ${index + 1} is not an event (${String(error)}): ${line}`);
      }
    });
  return { events, torn: text.slice(end) };
}

/** How many events of `type` there are. */
export function countEvents(events: JournalEvent[], type: string): number {
  return events.filter((event) => event.type === type).length;
}
