import { describe, expect, it } from 'vitest';
import { extractLedgerUpdate } from '../../../src/control/ledger/extract-ledger-update.js';

const text = [
  '## The keepers',
  'The first keeper was Ana Ruiz, who arrived from Porto Novo in 1921.',
  'She kept the lamp lit for all of her years there.',
  'Who paid for the new lens remains unclear?',
].join('\n');

describe('extractLedgerUpdate', () => {
  it('reads names, the figures stated about them and open questions', () => {
    const update = extractLedgerUpdate({ text });
    expect(update.entities.map((entity) => entity.name)).toEqual(['Ana Ruiz', 'Porto Novo']);
    expect(update.entities[0]?.attributes).toEqual([
      {
        name: 'stated',
        value: 'The first keeper was Ana Ruiz, who arrived from Porto Novo in 1921.',
      },
    ]);
    expect(update.claims).toEqual([
      'The first keeper was Ana Ruiz, who arrived from Porto Novo in 1921.',
    ]);
    expect(update.threadsOpened).toEqual([
      { text: 'Who paid for the new lens remains unclear?', resolveIn: '' },
    ]);
  });

  it("prefers the writer's own notes as claims", () => {
    const update = extractLedgerUpdate({ text, notes: ['Ana Ruiz kept the light from 1921.'] });
    expect(update.claims).toEqual(['Ana Ruiz kept the light from 1921.']);
  });
});
