import { describe, expect, it } from 'vitest';
import { emptyLedger } from '../../../src/control/ledger/ledger-schema.js';
import { mergeLedgerUpdate } from '../../../src/control/ledger/merge-ledger-update.js';
import { queryLedger } from '../../../src/control/ledger/query-ledger.js';
import { renderLedger } from '../../../src/control/ledger/render-ledger.js';
import { countWords } from '../../../src/evaluators/count-words.js';
import { createLedger } from '../../helpers/builders.js';

describe('renderLedger', () => {
  it('says so when nothing is written yet', () => {
    expect(renderLedger({ ledger: emptyLedger, focus: 'anything', maxWords: 100 })).toBe(
      'Nothing has been written yet.',
    );
  });

  it('stays within its words however many sections the ledger holds', () => {
    const small = renderLedger({
      ledger: createLedger({ count: 10 }),
      focus: 'harbour fee',
      maxWords: 200,
    });
    const large = renderLedger({
      ledger: createLedger({ count: 400 }),
      focus: 'harbour fee',
      maxWords: 200,
    });
    expect(countWords(large)).toBeLessThanOrEqual(200);
    expect(countWords(large)).toBeLessThanOrEqual(countWords(small) * 1.2);
  });

  it('shows the facts most relevant to the section first, and the threads due in it', () => {
    let ledger = createLedger({ count: 30 });
    ledger = mergeLedgerUpdate({
      ledger,
      sectionId: 's005',
      sectionIds: ['s005', 's040'],
      update: {
        entities: [],
        claims: ['The granite lighthouse at Cape Vidal was rebuilt after the storm.'],
        threadsOpened: [{ text: 'Will the insurers pay for the rebuilt lamp?', resolveIn: 's040' }],
        threadsResolved: [],
      },
    });
    const text = renderLedger({
      ledger,
      focus: 'Rebuilding the granite lighthouse at Cape Vidal',
      sectionId: 's040',
      maxWords: 60,
    });
    expect(text).toContain('Threads this section should settle:\n- Will the insurers pay');
    expect(text).toContain('The granite lighthouse at Cape Vidal was rebuilt');
    const ranked = queryLedger({
      ledger,
      focus: 'granite lighthouse Cape Vidal',
      sectionId: 's040',
    });
    expect(ranked[0]).toMatchObject({ kind: 'thread', due: true });
    expect(ranked[1]?.text).toContain('Cape Vidal');
  });

  it('puts an entity the focus names ahead of other facts', () => {
    const ranked = queryLedger({
      ledger: createLedger({ count: 5 }),
      focus: 'What Keeper 3 did next',
    });
    expect(ranked[0]).toMatchObject({ kind: 'entity', text: 'Keeper 3 (person): tenure: 5 years' });
  });
});
