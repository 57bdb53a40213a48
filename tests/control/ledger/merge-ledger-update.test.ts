import { describe, expect, it } from 'vitest';
import { emptyLedger } from '../../../src/control/ledger/ledger-schema.js';
import type { LedgerUpdate } from '../../../src/control/ledger/ledger-update-schema.js';
import { mergeLedgerUpdate } from '../../../src/control/ledger/merge-ledger-update.js';

const sectionIds = ['s001', 's002', 's003', 's004'];

function update(overrides: Partial<LedgerUpdate> = {}): LedgerUpdate {
  return {
    entities: [
      { name: 'Ana Ruiz', kind: 'person', attributes: [{ name: 'role', value: 'keeper' }] },
    ],
    claims: ['The light was lit in 1921.'],
    threadsOpened: [],
    threadsResolved: [],
    ...overrides,
  };
}

describe('mergeLedgerUpdate', () => {
  it('records each fact with the section that stated it, merging entities by name', () => {
    const first = mergeLedgerUpdate({
      ledger: emptyLedger,
      sectionId: 's001',
      update: update(),
      sectionIds,
    });
    const second = mergeLedgerUpdate({
      ledger: first,
      sectionId: 's002',
      sectionIds,
      update: update({
        entities: [
          { name: 'ana ruiz', kind: 'person', attributes: [{ name: 'born', value: '1890' }] },
        ],
        claims: ['The fee was 12 pence.'],
      }),
    });
    expect(second.entities).toEqual([
      {
        name: 'Ana Ruiz',
        kind: 'person',
        attributes: [
          { name: 'role', value: 'keeper', sectionId: 's001' },
          { name: 'born', value: '1890', sectionId: 's002' },
        ],
        sectionIds: ['s001', 's002'],
      },
    ]);
    expect(second.claims).toEqual([
      { text: 'The light was lit in 1921.', sectionId: 's001' },
      { text: 'The fee was 12 pence.', sectionId: 's002' },
    ]);
  });

  it('replaces what a section added before instead of doubling it', () => {
    const once = mergeLedgerUpdate({
      ledger: emptyLedger,
      sectionId: 's001',
      update: update(),
      sectionIds,
    });
    const twice = mergeLedgerUpdate({
      ledger: once,
      sectionId: 's001',
      update: update(),
      sectionIds,
    });
    expect(twice).toEqual(once);
  });

  it('schedules a thread only for a later section, and resolves it when a section names it', () => {
    const opened = mergeLedgerUpdate({
      ledger: emptyLedger,
      sectionId: 's002',
      sectionIds,
      update: update({
        threadsOpened: [
          { text: 'Who paid for the lens?', resolveIn: 's004' },
          { text: 'Why did the keeper leave?', resolveIn: 's001' },
        ],
      }),
    });
    expect(opened.threads).toEqual([
      { text: 'Who paid for the lens?', openedIn: 's002', resolveIn: 's004' },
      { text: 'Why did the keeper leave?', openedIn: 's002' },
    ]);
    const resolved = mergeLedgerUpdate({
      ledger: opened,
      sectionId: 's004',
      sectionIds,
      update: update({ threadsResolved: ['who paid for the lens'] }),
    });
    expect(resolved.threads[0]).toMatchObject({ resolvedIn: 's004' });
    expect(resolved.threads[1]?.resolvedIn).toBeUndefined();
  });

  it('bounds what a model returns: counts, lengths and empty names', () => {
    const merged = mergeLedgerUpdate({
      ledger: emptyLedger,
      sectionId: 's001',
      sectionIds,
      update: update({
        entities: [{ name: '  ', kind: '', attributes: [] }],
        claims: Array.from({ length: 20 }, (_, index) => `Claim ${index} ${'long '.repeat(80)}`),
      }),
    });
    expect(merged.entities).toEqual([]);
    expect(merged.claims).toHaveLength(8);
    expect(merged.claims.every((claim) => claim.text.length <= 241)).toBe(true);
  });
});
