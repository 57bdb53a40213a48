import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../../../src/evaluators/evaluate-document.js';
import { unknownRequest } from '../../../src/evaluators/quality/judge-quality.js';
import { ReportSchema } from '../../../src/evaluators/report-schema.js';
import { judgeRubric } from '../../../src/evaluators/rubric/judge-rubric.js';
import type { Rubric } from '../../../src/evaluators/rubric/rubric.js';
import { UsageMeter } from '../../../src/model/usage-meter.js';
import { httpError } from '../../helpers/api-errors.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { type ScriptedReply, streamReply } from '../../helpers/mock-model.js';

const retry = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };

/** A rubric of `names`, each criterion described as "Check <name>.". */
function createRubric(names: string[], overrides: Partial<Rubric> = {}): Rubric {
  return {
    format: 'quire',
    request: null,
    criteria: names.map((name) => ({ name, description: `Check ${name}.`, levels: [] })),
    ...overrides,
  };
}

/**
 * A judge whose replies are scripted per criterion (found by its name in the prompt): the n-th
 * call for a criterion gets its n-th reply, the last one repeating. Records the prompts and
 * the most calls in flight at once.
 */
function scriptedJudge(
  script: Record<string, ScriptedReply[]>,
  /** The reply to a call that names no criterion (the quality judgement). */
  otherwise?: ScriptedReply,
) {
  const calls: Record<string, number> = {};
  let inFlight = 0;
  let mostInFlight = 0;
  const model = new MockLanguageModelV3({
    modelId: 'judge-model',
    doStream: async ({ prompt }) => {
      const text = JSON.stringify(prompt);
      const name = Object.keys(script).find((each) => text.includes(`Name: ${each}`));
      if (name === undefined) {
        if (otherwise === undefined) throw new Error('no criterion in the prompt');
        return streamReply(otherwise as Exclude<ScriptedReply, Error>);
      }
      const replies = script[name]!;
      const reply = replies[Math.min(calls[name] ?? 0, replies.length - 1)]!;
      calls[name] = (calls[name] ?? 0) + 1;
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      if (reply instanceof Error) throw reply;
      return streamReply(reply);
    },
  });
  const meter = new UsageMeter();
  return {
    model,
    calls,
    meter,
    mostInFlight: () => mostInFlight,
    judge: { model, name: 'openai:judge-model', retry, clock: createFakeClock(), meter },
  };
}

const answer = (score: unknown, reason: string, tokens = {}) => ({
  text: JSON.stringify({ score, reason }),
  ...tokens,
});

describe('judgeRubric', () => {
  it('scores each criterion in its own call and reports the mean, in the rubric order', async () => {
    const { model, judge, meter } = scriptedJudge({
      Accuracy: [answer(8, 'Figures match the brief.', { inputTokens: 100, outputTokens: 20 })],
      Structure: [answer(5, 'The middle wanders.', { inputTokens: 100, outputTokens: 20 })],
      Tone: [answer(9, 'Formal throughout.', { inputTokens: 100, outputTokens: 20 })],
    });
    const { rubric, findings } = await judgeRubric({
      judge,
      rubric: createRubric(['Accuracy', 'Structure', 'Tone'], { request: 'Write a memo.' }),
      text: 'The whole document.',
    });
    expect(rubric).toEqual({
      judge: 'openai:judge-model',
      format: 'quire',
      request: 'Write a memo.',
      criteria: [
        expect.objectContaining({
          name: 'Accuracy',
          status: 'scored',
          score: 8,
          reason: 'Figures match the brief.',
        }),
        expect.objectContaining({
          name: 'Structure',
          status: 'scored',
          score: 5,
          reason: 'The middle wanders.',
        }),
        expect.objectContaining({
          name: 'Tone',
          status: 'scored',
          score: 9,
          reason: 'Formal throughout.',
        }),
      ],
      score: (8 + 5 + 9) / 3,
      dropped: 0,
    });
    expect(findings).toEqual([]);
    expect(model.doStreamCalls).toHaveLength(3);
    for (const call of model.doStreamCalls) {
      const prompt = JSON.stringify(call.prompt);
      expect(prompt).toContain('Write a memo.');
      expect(prompt).toContain('The whole document.');
      expect(prompt.match(/Name: /g)).toHaveLength(1);
      expect(call.temperature).toBe(0);
      expect(call.responseFormat).toMatchObject({
        type: 'json',
        schema: { required: ['score', 'reason'] },
      });
    }
    expect(meter.totals()).toMatchObject({ calls: 3, inputTokens: 300, outputTokens: 60 });
  });

  it('shows the judge the score bands of a WritingBench criterion', async () => {
    const { model, judge } = scriptedJudge({ Depth: [answer(7, 'Good.')] });
    await judgeRubric({
      judge,
      rubric: {
        format: 'writingbench',
        request: 'Write a report.',
        criteria: [
          {
            name: 'Depth',
            description: 'Goes beyond the obvious.',
            levels: [{ scores: '9-10', meaning: 'Original analysis throughout.' }],
          },
        ],
      },
      text: 'Text.',
    });
    const prompt = JSON.stringify(model.doStreamCalls[0]?.prompt);
    expect(prompt).toContain(
      JSON.stringify(
        'Name: Depth\nWhat it asks: Goes beyond the obvious.\nScores 9-10: Original analysis throughout.',
      ).slice(1, -1),
    );
  });

  it('judges criteria concurrently up to the judge concurrency, never more', async () => {
    const names = ['A1', 'B2', 'C3', 'D4', 'E5', 'F6'];
    const judged = scriptedJudge(
      Object.fromEntries(names.map((name) => [name, [answer(6, 'ok')]])),
    );
    const { rubric } = await judgeRubric({
      judge: { ...judged.judge, concurrency: 2 },
      rubric: createRubric(names),
      text: 'Text.',
    });
    expect(judged.mostInFlight()).toBe(2);
    expect(rubric.criteria.map((criterion) => criterion.name)).toEqual(names);
  });

  it('judges four criteria at once unless told otherwise', async () => {
    const names = ['A1', 'B2', 'C3', 'D4', 'E5', 'F6'];
    const judged = scriptedJudge(
      Object.fromEntries(names.map((name) => [name, [answer(6, 'ok')]])),
    );
    await judgeRubric({ judge: judged.judge, rubric: createRubric(names), text: 'Text.' });
    expect(judged.mostInFlight()).toBe(4);
  });

  it('shows the request given over the rubric one, and says when none is known', async () => {
    const given = scriptedJudge({ Tone: [answer(6, 'ok')] });
    await judgeRubric({
      judge: given.judge,
      rubric: createRubric(['Tone'], { request: 'The rubric request.' }),
      text: 'Text.',
      request: 'The request given.',
    });
    const sent = JSON.stringify(given.model.doStreamCalls[0]?.prompt);
    expect(sent).toContain('The request given.');
    expect(sent).not.toContain('The rubric request.');
    for (const request of [undefined, '   ']) {
      const unknown = scriptedJudge({ Tone: [answer(6, 'ok')] });
      await judgeRubric({
        judge: unknown.judge,
        rubric: createRubric(['Tone']),
        text: 'Text.',
        request,
      });
      expect(JSON.stringify(unknown.model.doStreamCalls[0]?.prompt)).toContain(
        JSON.stringify(unknownRequest).slice(1, 40),
      );
    }
  });

  it('tells the judge the scale of the score and asks for a reason', async () => {
    const { model, judge } = scriptedJudge({ Tone: [answer(6, 'ok')] });
    await judgeRubric({ judge, rubric: createRubric(['Tone']), text: 'Text.' });
    const format = model.doStreamCalls[0]?.responseFormat as {
      name: string;
      schema: { properties: Record<string, { description?: string }> };
    };
    expect(format.name).toBe('criterion_judgement');
    expect(format.schema.properties.score).toMatchObject({
      minimum: 1,
      maximum: 10,
      description: expect.stringMatching(/1 \(fails the criterion\) to 10 \(fully meets it\)/),
    });
    expect(format.schema.properties.reason?.description).toMatch(/citing the document/);
  });

  it.each([
    ['a score above 10', answer(11, 'Superb.')],
    ['a score below 1', answer(0, 'Awful.')],
    ['a score that is not whole', answer(7.5, 'Fine.')],
    ['a score given as text', answer('8', 'Fine.')],
    ['no reason', { text: '{"score": 8}' }],
    ['a blank reason', answer(8, '  ')],
    ['a key it was not asked for', { text: '{"score": 8, "reason": "Fine.", "weight": 2}' }],
    ['no JSON at all', { text: 'I would give it an eight.' }],
  ])('retries %s, counting its tokens, and uses the retry', async (_name, bad) => {
    const { calls, judge, meter } = scriptedJudge({
      Accuracy: [bad, answer(4, 'Two figures are wrong.')],
      Tone: [answer(6, 'Mostly formal.')],
    });
    const { rubric } = await judgeRubric({
      judge,
      rubric: createRubric(['Accuracy', 'Tone']),
      text: 'Text.',
    });
    expect(calls).toEqual({ Accuracy: 2, Tone: 1 });
    expect(rubric.criteria.map((criterion) => criterion.score)).toEqual([4, 6]);
    expect(rubric.score).toBe(5);
    expect(meter.totals()).toMatchObject({ calls: 2, failedAttempts: 1, inputTokens: 30 });
  });

  it('drops a criterion whose replies stay unusable, with a finding and no mean', async () => {
    const { calls, judge } = scriptedJudge({
      Accuracy: [answer(12, 'Off the scale.')],
      Tone: [answer(6, 'Mostly formal.')],
    });
    const { rubric, findings } = await judgeRubric({
      judge,
      rubric: createRubric(['Accuracy', 'Tone']),
      text: 'Text.',
    });
    expect(calls.Accuracy).toBe(3);
    expect(rubric.criteria[0]).toEqual({
      name: 'Accuracy',
      description: 'Check Accuracy.',
      levels: [],
      status: 'dropped',
      score: null,
      reason: expect.stringContaining('failed 3 time(s)'),
    });
    expect(rubric.criteria[1]).toMatchObject({ status: 'scored', score: 6 });
    expect(rubric).toMatchObject({ score: null, dropped: 1 });
    expect(findings).toEqual([
      expect.objectContaining({
        evaluator: 'rubric',
        ruleId: 'rubric/judgement-dropped',
        severity: 'warning',
        message: `The rubric judge openai:judge-model gave no usable score for "Accuracy", so the rubric has no mean: ${rubric.criteria[0]?.reason}`,
      }),
    ]);
  });

  it('throws what retrying cannot fix, such as refused credentials', async () => {
    const { judge } = scriptedJudge({ Accuracy: [httpError(401)] });
    await expect(
      judgeRubric({ judge, rubric: createRubric(['Accuracy']), text: 'Text.' }),
    ).rejects.toMatchObject({ reason: 'authentication', category: 'input' });
  });

  it('puts the rubric in the report, its calls and drops counted with the judge', async () => {
    const quality = {
      analysis: 'Plain.',
      relevance: 3,
      accuracy: 3,
      coherence: 3,
      clarity: 3,
      breadthAndDepth: 3,
      readingExperience: 3,
    };
    const { judge } = scriptedJudge(
      { Accuracy: [answer(0, 'Bad.')], Tone: [answer(6, 'Mostly formal.')] },
      { text: JSON.stringify(quality) },
    );
    const report = await evaluateDocument({
      text: 'A short text about mills and water.',
      judge,
      rubric: createRubric(['Accuracy', 'Tone']),
    });
    expect(ReportSchema.parse(report).rubric).toMatchObject({ score: null, dropped: 1 });
    expect(report.scores.quality).toBe(50);
    expect(report.judge).toEqual({ model: 'openai:judge-model', calls: 3, dropped: 1 });
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'rubric/judgement-dropped' }),
    );
  });
});
