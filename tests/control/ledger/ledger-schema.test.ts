import { describe, expect, it } from 'vitest';
import { type Ledger, LedgerSchema } from '../../../src/control/ledger/ledger-schema.js';
import { LedgerUpdateSchema } from '../../../src/control/ledger/ledger-update-schema.js';
import { schemaDescriptions } from '../../helpers/schema-descriptions.js';

const ledger: Ledger = {
  version: 2,
  entities: [
    {
      name: 'Tomas Halloran',
      kind: 'person',
      attributes: [{ name: 'role', value: 'harbour master', sectionId: 's001' }],
      sectionIds: ['s001', 's003'],
    },
  ],
  claims: [{ text: 'The guild was founded in 1512.', sectionId: 's002' }],
  threads: [
    { text: 'the Elspeth wager', openedIn: 's002', resolveIn: 's004', resolvedIn: 's004' },
    { text: 'the lost logbook', openedIn: 's003' },
  ],
  sectionIds: ['s001', 's002', 's003', 's004'],
};

describe('LedgerSchema', () => {
  it('reads back every field of a ledger as written: entities, attributes, claims, threads', () => {
    expect(LedgerSchema.parse(JSON.parse(JSON.stringify(ledger)))).toEqual(ledger);
  });
});

describe('LedgerUpdateSchema', () => {
  it('describes every field the model is asked to fill, in words', () => {
    const descriptions = schemaDescriptions(LedgerUpdateSchema);
    expect(descriptions.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        '$.properties.entities',
        '$.properties.claims',
        '$.properties.threadsOpened',
        '$.properties.threadsResolved',
      ]),
    );
    expect(descriptions).toHaveLength(11);
    for (const [path, text] of descriptions) expect(text.length, path).toBeGreaterThan(10);
  });
});
