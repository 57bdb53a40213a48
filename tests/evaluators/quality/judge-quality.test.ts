import { describe, expect, it } from 'vitest';
import { judgeQuality, unknownRequest } from '../../../src/evaluators/quality/judge-quality.js';
import { httpError } from '../../helpers/api-errors.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { scriptedModel } from '../../helpers/mock-model.js';

const retry = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };
const good = JSON.stringify({
  analysis: 'Clear but thin in places.',
  relevance: 5,
  accuracy: 4,
  coherence: 4,
  clarity: 5,
  breadthAndDepth: 3,
  readingExperience: 4,
});
const judgeWith = (replies: Parameters<typeof scriptedModel>[0]) => {
  const model = scriptedModel(replies, 'judge-model');
  return { model, judge: { model, name: 'openai:judge-model', retry, clock: createFakeClock() } };
};

describe('judgeQuality', () => {
  it('sends the request and the whole document, and scores the ratings', async () => {
    const { model, judge } = judgeWith([{ text: `\`\`\`json\n${good}\n\`\`\`` }]);
    const { quality, findings } = await judgeQuality({
      judge,
      text: 'The whole document.',
      request: 'Write about mills.',
    });
    expect(quality).toEqual({
      judge: 'openai:judge-model',
      status: 'scored',
      score: (100 + 75 + 75 + 100 + 50 + 75) / 6,
      ratings: {
        relevance: 5,
        accuracy: 4,
        coherence: 4,
        clarity: 5,
        breadthAndDepth: 3,
        readingExperience: 4,
      },
      dimensions: {
        relevance: 100,
        accuracy: 75,
        coherence: 75,
        clarity: 100,
        breadthAndDepth: 50,
        readingExperience: 75,
      },
      analysis: 'Clear but thin in places.',
      reason: null,
    });
    expect(findings).toEqual([]);
    const call = model.doStreamCalls[0];
    const prompt = JSON.stringify(call?.prompt);
    expect(prompt).toContain('Write about mills.');
    expect(prompt).toContain('The whole document.');
    expect(prompt).toMatch(/length of the document must not move any grade/);
    expect(call?.responseFormat).toMatchObject({
      type: 'json',
      schema: {
        required: [
          'analysis',
          'relevance',
          'accuracy',
          'coherence',
          'clarity',
          'breadthAndDepth',
          'readingExperience',
        ],
      },
    });
  });

  it('says when the request is unknown', async () => {
    const { model, judge } = judgeWith([{ text: good }]);
    await judgeQuality({ judge, text: 'Text.' });
    expect(JSON.stringify(model.doStreamCalls[0]?.prompt)).toContain(
      JSON.stringify(unknownRequest).slice(1, 40),
    );
    expect(unknownRequest).toMatch(/^\(The request is not known\. Grade relevance by /);
  });

  it('treats a blank request as unknown', async () => {
    const { model, judge } = judgeWith([{ text: good }]);
    await judgeQuality({ judge, text: 'Text.', request: '  \n ' });
    expect(JSON.stringify(model.doStreamCalls[0]?.prompt)).toContain(
      JSON.stringify(unknownRequest).slice(1, 40),
    );
  });

  it('tells the judge the scale of every rating and what the analysis is for', async () => {
    const { model, judge } = judgeWith([{ text: good }]);
    await judgeQuality({ judge, text: 'Text.' });
    const format = model.doStreamCalls[0]?.responseFormat;
    const schema = (format as { schema: { properties: Record<string, { description?: string }> } })
      .schema;
    expect(format).toMatchObject({ name: 'quality_judgement' });
    expect(schema.properties.analysis?.description).toMatch(/strengths and weaknesses/i);
    for (const dimension of ['relevance', 'readingExperience']) {
      expect(schema.properties[dimension]).toMatchObject({
        minimum: 1,
        maximum: 5,
        description: expect.stringMatching(/1 \(very poor\) to 5 \(excellent\)/),
      });
    }
  });

  it.each([
    ['a rating above 5', { relevance: 6 }],
    ['a rating below 1', { clarity: 0 }],
    ['an empty analysis', { analysis: '' }],
    ['a key it was not asked for', { originality: 4 }],
  ])('retries a judgement with %s', async (_name, change) => {
    const bad = JSON.stringify({ ...JSON.parse(good), ...change });
    const { model, judge } = judgeWith([{ text: bad }, { text: good }]);
    const { quality } = await judgeQuality({ judge, text: 'Text.' });
    expect(model.doStreamCalls).toHaveLength(2);
    expect(quality.ratings?.relevance).toBe(5);
  });

  it('retries an unparseable judgement and then reports it dropped, never skipped', async () => {
    const { model, judge } = judgeWith([
      { text: 'I rate it highly!' },
      { text: '{"analysis":"x","relevance":7}' },
      { text: '{"relevance": 4' },
    ]);
    const { quality, findings } = await judgeQuality({ judge, text: 'Text.' });
    expect(model.doStreamCalls).toHaveLength(3);
    expect(quality).toEqual({
      judge: 'openai:judge-model',
      status: 'dropped',
      score: null,
      ratings: null,
      dimensions: null,
      analysis: null,
      reason: expect.stringContaining('failed 3 time(s)'),
    });
    expect(findings).toEqual([
      {
        evaluator: 'quality',
        ruleId: 'quality/judgement-dropped',
        severity: 'warning',
        message: `The quality judge openai:judge-model gave no usable judgement after 3 attempt(s), so there is no S_q: ${quality.reason}`,
      },
    ]);
  });

  it('recovers when a retry succeeds', async () => {
    const { judge } = judgeWith([{ text: 'not json' }, { text: good }]);
    const { quality } = await judgeQuality({ judge, text: 'Text.' });
    expect(quality.status).toBe('scored');
  });

  it('throws what retrying cannot fix, such as refused credentials', async () => {
    const { judge } = judgeWith([httpError(401)]);
    await expect(judgeQuality({ judge, text: 'Text.' })).rejects.toMatchObject({
      reason: 'authentication',
      category: 'input',
    });
  });
});
