import { describe, expect, it } from 'vitest';
import { emptyLedger } from '../../src/control/ledger/ledger-schema.js';
import { updateLedger } from '../../src/control/ledger/update-ledger.js';
import { createSimModel } from '../../src/sim/create-sim-model.js';
import { createPlan } from '../helpers/builders.js';
import { promptModel } from '../helpers/prompt-model.js';

const plan = createPlan({
  count: 3,
  sections: [{}, {}, { title: 'Who paid for the lens' }],
});

describe('the simulated ledger keeper', () => {
  it('answers the ledger update from the section in the prompt, through the structured-output call', async () => {
    const text =
      'The first keeper was Ana Ruiz, who came from Porto Novo in 1921. She kept the light. Who paid for the lens?';
    const result = await updateLedger({
      ledger: emptyLedger,
      plan,
      index: 0,
      text,
      mode: 'model',
      call: { model: createSimModel({ noise: 0 }) },
    });
    expect(result.source).toBe('model');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.ledger.entities.map((entity) => entity.name)).toEqual(['Ana Ruiz', 'Porto Novo']);
    expect(result.ledger.claims[0]).toEqual({
      text: 'The first keeper was Ana Ruiz, who came from Porto Novo in 1921.',
      sectionId: 's001',
    });
    // The question is scheduled for the later section whose title shares its words.
    expect(result.ledger.threads).toEqual([
      { text: 'Who paid for the lens?', openedIn: 's001', resolveIn: 's003' },
    ]);

    const settled = await updateLedger({
      ledger: result.ledger,
      plan,
      index: 2,
      text: 'In the end the harbour board paid for the lens, as the minutes show.',
      mode: 'model',
      call: { model: createSimModel({ noise: 0 }) },
    });
    expect(settled.ledger.threads[0]).toMatchObject({ resolvedIn: 's003' });
  });

  it('falls back to a reading by rule when the reply stays unusable, counting its tokens', async () => {
    const result = await updateLedger({
      ledger: emptyLedger,
      plan,
      index: 0,
      text: 'Ana Ruiz kept the light from 1921.',
      mode: 'model',
      call: {
        model: promptModel(() => ({ text: 'Sure, here are the facts: Ana Ruiz.' })),
        retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
      },
    });
    expect(result.source).toBe('rule');
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.ledger.entities.map((entity) => entity.name)).toEqual(['Ana Ruiz']);
  });
});
