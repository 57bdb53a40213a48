import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { emptyLedger, type Ledger } from '../../../src/control/ledger/ledger-schema.js';
import { updateLedger } from '../../../src/control/ledger/update-ledger.js';
import { httpError } from '../../helpers/api-errors.js';
import { createLedger, createPlan } from '../../helpers/builders.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { type ScriptedReply, scriptedModel } from '../../helpers/mock-model.js';

const plan = createPlan({ count: 16 });
const text = 'Ana Ruiz kept the light for 31 years. Who paid the keeper? The fee rose to 40 pence.';
const update = {
  entities: [{ name: 'Ana Ruiz', kind: 'person', attributes: [{ name: 'tenure', value: '31' }] }],
  claims: ['Ana Ruiz kept the light.'],
  threadsOpened: [{ text: 'Who paid the keeper?', resolveIn: 's004' }],
  threadsResolved: [],
};

async function updateWith({
  replies = [{ text: JSON.stringify(update), inputTokens: 400, outputTokens: 80 }],
  index = 1,
  ledger = emptyLedger,
  mode = 'model',
  withCall = true,
  maxAttempts = 2,
}: {
  replies?: ScriptedReply[];
  index?: number;
  ledger?: Ledger;
  mode?: 'model' | 'rule';
  withCall?: boolean;
  maxAttempts?: number;
} = {}) {
  const model = scriptedModel(replies);
  const result = await updateLedger({
    ledger,
    plan,
    index,
    text,
    notes: ['The fee rose to 40 pence.'],
    mode,
    ...(withCall
      ? {
          call: {
            model,
            clock: createFakeClock(),
            retry: { maxAttempts, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
          },
        }
      : {}),
  });
  const prompt = model.doStreamCalls[0] && JSON.stringify(model.doStreamCalls[0].prompt);
  return { result, model, prompt };
}

describe('updateLedger', () => {
  it('reads the section with one structured call in model mode, shown the threads and what comes', async () => {
    const ledger = createLedger({ count: 1 });
    const { result, model, prompt } = await updateWith({ ledger });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(model.doStreamCalls[0]!.maxOutputTokens).toBe(1200);
    expect(result.source).toBe('model');
    expect(result.usage).toMatchObject({ inputTokens: 400, outputTokens: 80 });
    expect(result.ledger.sectionIds).toEqual(['s001', 's002']);
    expect(result.ledger.claims).toContainEqual({
      text: 'Ana Ruiz kept the light.',
      sectionId: 's002',
    });
    expect(result.ledger.threads).toContainEqual({
      text: 'Who paid the keeper?',
      openedIn: 's002',
      resolveIn: 's004',
    });
    expect(prompt).toContain('s002');
    expect(prompt).toContain('Section 2');
    expect(prompt).toContain('- Who paid for light 1?');
    // The twelve sections after this one, and no further.
    expect(prompt).toContain('- s003: Section 3');
    expect(prompt).toContain('- s014: Section 14');
    expect(prompt).not.toContain('s015');
  });

  it('tells the model when no thread is open and when the section is the last', async () => {
    const { prompt } = await updateWith({ index: 15 });
    expect(prompt).toContain('(none)');
    expect(prompt).toContain('(this is the last section)');
  });

  it('leaves resolved threads out of those the model is shown', async () => {
    const ledger = createLedger({ count: 1 });
    const resolved = {
      ...ledger,
      threads: ledger.threads.map((thread) => ({ ...thread, resolvedIn: 's001' })),
    };
    const { prompt } = await updateWith({ ledger: resolved });
    expect(prompt).not.toContain('Who paid for light 1?');
    expect(prompt).toContain('(none)');
  });

  it('reads by rule, with no call, in rule mode or without a model', async () => {
    for (const options of [{ mode: 'rule' as const }, { withCall: false }]) {
      const { result, model } = await updateWith(options);
      expect(model.doStreamCalls).toHaveLength(0);
      expect(result.source).toBe('rule');
      expect(result.usage).toMatchObject({ inputTokens: 0, outputTokens: 0 });
      // The writer's notes are the claims read by rule.
      expect(result.ledger.claims).toEqual([
        { text: 'The fee rose to 40 pence.', sectionId: 's002' },
      ]);
    }
  });

  it('falls back to the reading by rule when every reply is unusable, counting their tokens', async () => {
    for (const maxAttempts of [1, 2]) {
      const { result, model } = await updateWith({
        replies: [{ text: 'not json at all', inputTokens: 300, outputTokens: 7 }],
        maxAttempts,
      });
      expect(model.doStreamCalls).toHaveLength(maxAttempts);
      expect(result.source).toBe('rule');
      expect(result.usage.outputTokens).toBeGreaterThan(0);
      expect(result.ledger.claims[0]!.text).toBe('The fee rose to 40 pence.');
    }
  });

  it('falls back to the reading by rule when the window cannot hold the section', async () => {
    const refusal = new APICallError({
      message:
        "This model's maximum context length is 8192 tokens. However, your messages resulted in 9100 tokens. Please reduce the length of the messages.",
      url: 'http://127.0.0.1/v1/chat/completions',
      requestBodyValues: {},
      statusCode: 400,
      responseBody: JSON.stringify({ error: { code: 'context_length_exceeded' } }),
      isRetryable: false,
    });
    const { result } = await updateWith({ replies: [refusal] });
    expect(result.source).toBe('rule');
    expect(result.usage.outputTokens).toBe(0);
  });

  it('lets a failure the ledger cannot work around stop the run', async () => {
    await expect(updateWith({ replies: [httpError(401)] })).rejects.toMatchObject({
      code: 'model-call',
    });
  });
});
