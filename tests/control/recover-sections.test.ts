import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLedger, LedgerSchema } from '../../src/control/ledger/ledger-schema.js';
import { recoverSections } from '../../src/control/recover-sections.js';
import type { RunEventInput } from '../../src/control/run-events.js';
import { emptyUsage } from '../../src/model/usage-meter.js';
import { RunStore } from '../../src/store/run-store.js';
import { createLedger, createPlan } from '../helpers/builders.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const stores: RunStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

const plan = createPlan({ count: 3, words: 300 });

/** A run directory holding the given section texts (by plan index) and journal events. */
async function createStore({
  sections,
  events = [],
  ledger,
}: {
  sections: string[];
  events?: object[];
  ledger?: object;
}) {
  const store = await RunStore.open(await tempDir());
  stores.push(store);
  for (const [index, text] of sections.entries()) {
    await store.writeSection({ index, slug: `part-${index + 1}`, text });
  }
  for (const event of events) await store.journal.append(event);
  if (ledger) await store.writeLedger(ledger);
  return store;
}

describe('recoverSections', () => {
  it('journals a section committed without its step-end once, as recovered, and adds it to the ledger', async () => {
    const store = await createStore({
      sections: ['The mill at Ashby ground corn.', 'The weir at Brill held the river back.'],
      events: [{ type: 'step-end', sectionId: 's001' }],
    });
    const emitted: RunEventInput[] = [];
    const recovered = await recoverSections({
      store,
      plan,
      emit: async (event) => {
        emitted.push(event);
      },
    });
    expect(recovered.done.map((section) => section.index)).toEqual([0, 1]);
    expect(emitted).toEqual([
      {
        type: 'step-end',
        sectionId: 's002',
        index: 1,
        file: join('sections', '002-part-2.md'),
        words: 8,
        budget: 300,
        attempts: 0,
        findings: [],
        usage: emptyUsage,
        recovered: true,
      },
    ]);
    expect(recovered.ledger.sectionIds).toEqual(['s002']);
    const stored = LedgerSchema.parse(
      JSON.parse(await readFile(join(store.directory, 'ledger.json'), 'utf8')),
    );
    expect(stored).toEqual(recovered.ledger);
  });

  it('keeps the stored ledger and journals nothing when every section ended', async () => {
    const ledger = createLedger({ count: 1 });
    const store = await createStore({
      sections: ['The mill at Ashby ground corn.'],
      events: [{ type: 'step-end', sectionId: 's001' }],
      ledger,
    });
    const emitted: RunEventInput[] = [];
    const recovered = await recoverSections({
      store,
      plan,
      emit: async (event) => {
        emitted.push(event);
      },
    });
    expect(emitted).toEqual([]);
    expect(recovered.ledger).toEqual(ledger);
  });

  it('starts an empty ledger, leaves out sections past the plan, and reads the journalled think notes', async () => {
    const store = await createStore({
      sections: ['One.', 'Two.', 'Three.', 'Four, of a longer plan.'],
      events: [
        ...plan.sections.map((section) => ({ type: 'step-end', sectionId: section.id })),
        { type: 'think-end', sectionId: 's003', mode: 'call', note: 'Open with the flood.' },
      ],
    });
    const recovered = await recoverSections({ store, plan, emit: async () => {} });
    expect(recovered.done.map((section) => section.index)).toEqual([0, 1, 2]);
    expect(recovered.ledger).toEqual(emptyLedger);
    expect(recovered.thinkNotes).toEqual(new Map([['s003', 'Open with the flood.']]));
    expect(JSON.parse(await readFile(join(store.directory, 'ledger.json'), 'utf8'))).toEqual(
      emptyLedger,
    );
  });
});
