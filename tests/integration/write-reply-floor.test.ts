import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLengthGate } from '../../src/evaluators/length-gate.js';
import { writeDocument } from '../../src/write-document.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

interface JournalEvent {
  type: string;
  action?: string;
  budget?: number;
}

async function readJournal(directory: string): Promise<JournalEvent[]> {
  const text = await readFile(join(directory, 'journal.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEvent);
}

describe('quire write with a model that writes about 300 words whatever it is asked (sim fixed)', () => {
  it.each([1, 2])(
    'learns its floor and lands 6,000 words within the gate in few calls, seed %i',
    async (seed) => {
      const result = await writeDocument({
        request: 'Write a guide to the lighthouses of Brittany',
        words: 6_000,
        model: `sim:fixed=300,seed=${seed}`,
        directory: join(await tempDir(), 'run'),
        config: { write: { quality: 'fast' } },
      });
      const gate = checkLengthGate({ produced: result.report.words, required: 6_000 });
      expect(gate.status, `${result.report.words} words`).toBe('within');
      expect(result.info.status).toBe('completed');
      const floor = result.info.capacity?.floor;
      expect(floor).toBeGreaterThan(250);
      // A floor is learned from two replies far longer than asked: once it is known, no section
      // is asked for fewer words, so those two are the only asks below it.
      const asks = (await readJournal(result.directory))
        .filter((event) => event.type === 'step-start' && event.action === 'write')
        .map((event) => event.budget!);
      expect(asks.length).toBeGreaterThan(15);
      expect(asks.filter((ask) => ask < floor!)).toHaveLength(2);
      // About one call per reply's worth of words, not budgets cut to a few words and condensed.
      expect(result.info.usage.calls).toBeLessThan(40);
    },
    60_000,
  );

  it('stops, saying why, when not even one more reply fits under the ceiling', async () => {
    // A ceiling of 1× leaves no room for the last reply of a model that writes at least ~300.
    const result = await writeDocument({
      request: 'Write a guide to the lighthouses of Brittany',
      words: 6_000,
      model: 'sim:fixed=300,seed=1',
      directory: join(await tempDir(), 'run'),
      config: { write: { quality: 'fast' }, lengthGate: { floor: 0.5, ceiling: 1 } },
    });
    expect(result.info.status).toBe('incomplete-length');
    expect(result.stoppedEarly).toBe(true);
    expect(result.info.stopReason).toMatch(
      /^the model writes at least \d+ words per reply however few it is asked for: one more reply would take the document from [\d,]+ to at least [\d,]+ words, over the [\d,]+ the length gate's ceiling allows, with 1 planned section\(s\) unwritten; resume with a larger target/,
    );
    expect(result.info.usage.calls).toBeLessThan(30);
  }, 60_000);
});
