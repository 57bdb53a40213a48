import { describe, expect, it } from 'vitest';
import { judgeChecklist } from '../../../src/bench/hellobench/judge-checklist.js';
import { publishedChecklistWeights } from '../../../src/bench/hellobench/published-checklist-weights.js';
import { ModelCallError } from '../../../src/errors/model-call-error.js';
import { httpError } from '../../helpers/api-errors.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { scriptedModel } from '../../helpers/mock-model.js';

const retry = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };
const checklist = [
  'Is the story complete?',
  'Is it vivid?',
  'Is it long enough?',
  'Does it meet every requirement?',
  'Is it flawless?',
];
const storyWeights = publishedChecklistWeights.story_writing ?? [];

/** A reply rating the items `scores`, keyed by id, each with a reason. */
const reply = (scores: unknown[]) =>
  JSON.stringify(
    Object.fromEntries(scores.map((score, id) => [id, { reason: `Reason ${id}.`, score }])),
  );

const judgeWith = (replies: Parameters<typeof scriptedModel>[0]) => {
  const model = scriptedModel(replies, 'judge-model');
  return { model, judge: { model, name: 'openai:judge-model', retry, clock: createFakeClock() } };
};

const judgeStory = ({
  judge,
  category = 'story_writing',
  items = checklist,
}: {
  judge: ReturnType<typeof judgeWith>['judge'];
  category?: string;
  items?: string[];
}) =>
  judgeChecklist({
    judge,
    instruction: 'Write a story about a mill, no shorter than 2000 words.',
    response: 'Once upon a time, a mill turned.',
    checklist: items,
    category,
  });

describe('judgeChecklist', () => {
  it('rates every item in one call and weighs the levels with the published weights', async () => {
    const { model, judge } = judgeWith([{ text: reply([1, 0.75, 0.5, 0.25, 0]) }]);
    const result = await judgeStory({ judge });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(result).toMatchObject({
      judge: 'openai:judge-model',
      status: 'scored',
      weighting: 'published',
      reason: null,
    });
    const expected = [1, 0.75, 0.5, 0.25, 0].reduce(
      (sum, level, index) => sum + level * (storyWeights[index] ?? 0),
      0,
    );
    expect(result.score).toBeCloseTo(expected, 12);
    expect(result.items?.map((item) => [item.id, item.question, item.reason, item.score])).toEqual(
      checklist.map((question, id) => [id, question, `Reason ${id}.`, [1, 0.75, 0.5, 0.25, 0][id]]),
    );
    expect(result.items?.map((item) => item.weight)).toEqual(storyWeights);

    const call = model.doStreamCalls[0];
    const prompt = JSON.stringify(call?.prompt);
    expect(prompt).toContain('Write a story about a mill, no shorter than 2000 words.');
    expect(prompt).toContain('Once upon a time, a mill turned.');
    for (const [id, question] of checklist.entries())
      expect(prompt).toContain(`${id}. ${question}`);
    expect(prompt).toContain('The checklist (5 items)');
    expect(call?.temperature).toBe(0);
    expect(call?.responseFormat).toMatchObject({
      type: 'json',
      schema: { required: ['0', '1', '2', '3', '4'], additionalProperties: false },
    });
  });

  it('uses equal weights, and says so, when no published weights fit', async () => {
    const { judge } = judgeWith([{ text: reply([1, 0.5, 0]) }]);
    const result = await judgeStory({ judge, category: 'limericks', items: checklist.slice(0, 3) });
    expect(result.weighting).toBe('equal');
    expect(result.score).toBeCloseTo(50, 12);
    expect(result.items?.map((item) => item.weight)).toEqual([100 / 3, 100 / 3, 100 / 3]);
  });

  it.each([
    ['an item missing', reply([1, 1, 1, 1]), /schema at 4: .*expected object/],
    ['an extra item', reply([1, 1, 1, 1, 1, 1]), /schema at \(root\): Unrecognized key: "5"/],
    [
      'a level off the scale',
      reply([1, 0.6, 1, 1, 1]),
      /schema at 1\.score: .*0\|0\.25\|0\.5\|0\.75\|1/,
    ],
    ['a level as a string', reply([1, '0.75', 1, 1, 1]), /schema at 1\.score/],
    [
      'an empty reason',
      JSON.stringify({ ...JSON.parse(reply([1, 1, 1, 1, 1])), 2: { reason: ' ', score: 1 } }),
      /schema at 2\.reason/,
    ],
    ['a list of verdicts', JSON.stringify([{ checklist_id: 0, score: 1 }]), /received array/],
    ['prose', 'The story is good: 0.75 overall.', /not valid JSON/],
  ])('retries a reply with %s, then drops the judgement with its reason', async (_, text, why) => {
    const { model, judge } = judgeWith([{ text }]);
    const result = await judgeStory({ judge });
    expect(model.doStreamCalls).toHaveLength(3);
    expect(result).toMatchObject({
      status: 'dropped',
      weighting: 'published',
      score: null,
      items: null,
    });
    expect(result.reason).toMatch(/failed 3 time\(s\)/);
    expect(result.reason).toMatch(why);
  });

  it('takes a good reply after an unusable one', async () => {
    const { model, judge } = judgeWith([{ text: reply([1, 1]) }, { text: reply([1, 1, 1, 1, 1]) }]);
    const result = await judgeStory({ judge });
    expect(model.doStreamCalls).toHaveLength(2);
    expect(result).toMatchObject({ status: 'scored', score: 100 });
  });

  it('throws what no retry can fix', async () => {
    const { judge } = judgeWith([httpError(401)]);
    await expect(judgeStory({ judge })).rejects.toBeInstanceOf(ModelCallError);
  });
});
