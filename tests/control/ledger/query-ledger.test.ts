import { describe, expect, it } from 'vitest';
import { emptyLedger, type Ledger } from '../../../src/control/ledger/ledger-schema.js';
import type { LedgerUpdate } from '../../../src/control/ledger/ledger-update-schema.js';
import { mergeLedgerUpdate } from '../../../src/control/ledger/merge-ledger-update.js';
import { queryLedger } from '../../../src/control/ledger/query-ledger.js';
import { createPlan } from '../../helpers/builders.js';

const sectionIds = createPlan({ count: 6 }).sections.map((section) => section.id);

/** A ledger after the given updates, one per section in order (recency counts these sections). */
function ledgerOf(...updates: Array<Partial<LedgerUpdate>>): Ledger {
  return updates.reduce<Ledger>(
    (ledger, update, index) =>
      mergeLedgerUpdate({
        ledger,
        sectionId: sectionIds[index]!,
        sectionIds,
        update: { entities: [], claims: [], threadsOpened: [], threadsResolved: [], ...update },
      }),
    emptyLedger,
  );
}

describe('queryLedger', () => {
  it('writes each kind of fact as a line, naming the section behind it', () => {
    const items = queryLedger({
      ledger: ledgerOf(
        {
          entities: [
            {
              name: 'Ana Ruiz',
              kind: 'person',
              attributes: [
                { name: 'role', value: 'keeper' },
                { name: 'born', value: '1921' },
              ],
            },
            { name: 'Cape Vidal', kind: 'place', attributes: [] },
          ],
        },
        { claims: ['The lamp burned whale oil.'] },
        { threadsOpened: [{ text: 'Who paid the keeper?', resolveIn: '' }] },
      ),
      focus: '',
    });
    expect(items.map(({ kind, text, sectionId, due }) => ({ kind, text, sectionId, due }))).toEqual(
      expect.arrayContaining([
        {
          kind: 'entity',
          text: 'Ana Ruiz (person): role: keeper; born: 1921',
          sectionId: 's001',
          due: false,
        },
        { kind: 'entity', text: 'Cape Vidal (place)', sectionId: 's001', due: false },
        { kind: 'claim', text: 'The lamp burned whale oil.', sectionId: 's002', due: false },
        { kind: 'thread', text: 'Who paid the keeper?', sectionId: 's003', due: false },
      ]),
    );
    expect(items).toHaveLength(4);
  });

  it('puts the threads due in the section asked about first, and leaves resolved ones out', () => {
    const ledger = ledgerOf(
      {
        claims: ['The harbour fee was raised twice.'],
        threadsOpened: [
          { text: 'Will the insurers pay?', resolveIn: 's005' },
          { text: 'Was the fee ever repaid?', resolveIn: 's002' },
        ],
      },
      { threadsResolved: ['Was the fee ever repaid?'] },
    );
    const items = queryLedger({ ledger, focus: 'the harbour fee', sectionId: 's005' });
    expect(items.map((item) => item.text)).toEqual([
      'Will the insurers pay?',
      'The harbour fee was raised twice.',
    ]);
    expect(items[0]).toMatchObject({ kind: 'thread', due: true });
    expect(items[0]!.score).toBeGreaterThan(10);
    // Without the section, the thread is open, not due.
    const undue = queryLedger({ ledger, focus: 'the harbour fee' });
    expect(undue.map((item) => item.due)).toEqual([false, false]);
    expect(undue[0]!.text).toBe('The harbour fee was raised twice.');
  });

  it('ranks by the share of a fact’s content words the focus holds', () => {
    const items = queryLedger({
      ledger: ledgerOf({
        claims: [
          'Storms closed the northern harbour in winter.',
          'Granite from Porto rebuilt the lighthouse.',
          'The of and a.',
        ],
      }),
      focus: 'Rebuilding the lighthouse with granite',
    });
    expect(items.map((item) => item.text)).toEqual([
      'Granite from Porto rebuilt the lighthouse.',
      'Storms closed the northern harbour in winter.',
      'The of and a.',
    ]);
    expect(items[0]!.score).toBeCloseTo(2 / 5 + 0.1 * (1 / 2));
    // A fact of no content words weighs only its recency.
    expect(items[2]!.score).toBeCloseTo(0.1 * (1 / 2));
  });

  it('lifts an entity the focus names outright above facts that share more words', () => {
    const items = queryLedger({
      ledger: ledgerOf({
        entities: [{ name: 'Ana Ruiz', kind: 'person', attributes: [] }],
        claims: ['Keepers trimmed wicks at dusk.'],
      }),
      focus: 'How Ana Ruiz and other keepers trimmed wicks at dusk',
    });
    expect(items[0]).toMatchObject({ kind: 'entity', text: 'Ana Ruiz (person)' });
    expect(items[0]!.score).toBeGreaterThan(1);
  });

  it('names no entity when the focus is empty, and breaks ties by recency', () => {
    const items = queryLedger({
      ledger: ledgerOf(
        { entities: [{ name: 'Vidal', kind: 'place', attributes: [] }] },
        { claims: ['Fog came.'] },
        { claims: ['Rain came.'] },
      ),
      focus: '',
    });
    expect(items.map((item) => item.text)).toEqual(['Rain came.', 'Fog came.', 'Vidal (place)']);
    expect(items[0]!.score).toBeCloseTo(0.1 * (3 / 4));
    expect(items[2]!.score).toBeCloseTo(0.1 * (1 / 4));
  });

  it('scores an open thread above a claim of the same words and section', () => {
    const items = queryLedger({
      ledger: ledgerOf({
        claims: ['The tolls went unpaid.'],
        threadsOpened: [{ text: 'The tolls went unpaid?', resolveIn: '' }],
      }),
      focus: 'nothing shared',
    });
    expect(items.map((item) => item.kind)).toEqual(['thread', 'claim']);
    expect(items[0]!.score - items[1]!.score).toBeCloseTo(0.2);
  });

  it('counts numbers and Chinese characters among the words it weighs', () => {
    const items = queryLedger({
      ledger: ledgerOf({ claims: ['灯塔 1921', 'Built later on.'] }),
      focus: '灯 1921',
    });
    expect(items[0]!.text).toBe('灯塔 1921');
    expect(items[0]!.score).toBeCloseTo(2 / 3 + 0.1 * (1 / 2));
  });
});
