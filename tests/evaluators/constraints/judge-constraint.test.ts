import { describe, expect, it } from 'vitest';
import type { ConstraintFile } from '../../../src/evaluators/constraints/constraint-file-schema.js';
import { evaluateConstraints } from '../../../src/evaluators/constraints/evaluate-constraints.js';
import { judgeConstraint } from '../../../src/evaluators/constraints/judge-constraint.js';
import { httpError } from '../../helpers/api-errors.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { scriptedModel } from '../../helpers/mock-model.js';

const retry = { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };
const judgeWith = (replies: Parameters<typeof scriptedModel>[0]) => {
  const model = scriptedModel(replies, 'judge-model');
  return { model, judge: { model, name: 'openai:judge-model', retry, clock: createFakeClock() } };
};
const constraints: ConstraintFile = {
  version: 1,
  unit: 'Floor',
  separator: '#*#',
  segments: 3,
  constraints: [
    { type: 'once', segment: 1, event: 'comprehensive library with study areas' },
    { type: 'once', segment: 2, event: 'restaurant' },
    { type: 'once', segment: 3, event: 'art gallery' },
  ],
};
// Floor 1 is inconclusive by wording (a library, no "comprehensive"/"study areas"); floor 2 is a
// clear yes; floor 3 is inconclusive (a gallery of photographs, no "art").
const text =
  '#*# Floor 1:\nA library fills this floor.\n#*# Floor 2:\nA restaurant.\n#*# Floor 3:\nA gallery of photographs.';

describe('judgeConstraint', () => {
  it('asks at temperature 0 with the segment, and reads a strict yes/no', async () => {
    const { model, judge } = judgeWith([{ text: '{"answer": "yes"}' }]);
    const result = await judgeConstraint({
      judge,
      unit: 'Floor',
      segment: 7,
      event: 'bus station',
      text: 'A tram stop.',
    });
    expect(result).toEqual({ decision: 'yes' });
    const call = model.doStreamCalls[0];
    expect(call?.temperature).toBe(0);
    const prompt = JSON.stringify(call?.prompt);
    expect(prompt).toContain('Floor 7');
    expect(prompt).toContain('bus station');
    expect(prompt).toContain('A tram stop.');
  });

  it('drops a judgement whose replies stay unparseable, after retrying', async () => {
    const { model, judge } = judgeWith([
      { text: 'Yes, probably.' },
      { text: '{"answer": "maybe"}' },
    ]);
    const result = await judgeConstraint({
      judge,
      unit: 'Floor',
      segment: 1,
      event: 'x',
      text: 'y',
    });
    expect(result).toMatchObject({ decision: 'dropped' });
    expect(model.doStreamCalls).toHaveLength(2);
  });

  it('throws what retrying cannot fix', async () => {
    const { judge } = judgeWith([httpError(401)]);
    await expect(
      judgeConstraint({ judge, unit: 'Floor', segment: 1, event: 'x', text: 'y' }),
    ).rejects.toMatchObject({ reason: 'authentication' });
  });
});

describe('evaluateConstraints with a judge', () => {
  it('asks the judge only about inconclusive checks and counts what it settled or dropped', async () => {
    const { model, judge } = judgeWith([
      { text: '{"answer":"yes"}' },
      { text: 'no idea' },
      { text: 'still no idea' },
    ]);
    const result = await evaluateConstraints({
      text,
      constraints,
      judge: { ...judge, concurrency: 1 },
    });
    expect(model.doStreamCalls).toHaveLength(3);
    expect(result.judgeCalls).toBe(2);
    expect(result.dropped).toBe(1);
    expect(
      result.constraints.results.map((check) => [check.segment, check.decision, check.decidedBy]),
    ).toEqual([
      [1, 'yes', 'judge'],
      [2, 'yes', 'lexical'],
      [3, 'undecided', 'judgeDropped'],
    ]);
    expect(result.constraints.checks).toMatchObject({ satisfied: 2, judged: 1, undecided: 1 });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['constraints/judge-dropped']);
  });

  it('names a segment "Segment" to the judge when the file has no unit', async () => {
    const { model, judge } = judgeWith([{ text: '{"answer":"no"}' }]);
    const result = await evaluateConstraints({
      text: 'A gallery of photographs.',
      constraints: {
        version: 1,
        separator: '#*#',
        segments: 1,
        constraints: [{ type: 'once', segment: 1, event: 'art gallery' }],
      },
      judge,
    });
    expect(result.constraints.results[0]).toMatchObject({ decision: 'no', decidedBy: 'judge' });
    expect(result.constraints.checks).toMatchObject({ judged: 1, satisfied: 0 });
    expect(JSON.stringify(model.doStreamCalls[0]?.prompt)).toContain('Segment 1');
  });
});
