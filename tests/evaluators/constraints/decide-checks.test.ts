import { describe, expect, it } from 'vitest';
import { decideChecks, verdictKey } from '../../../src/evaluators/constraints/decide-checks.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { scriptedModel } from '../../helpers/mock-model.js';
import { createCheckedSegments, createConstraintCheck } from './build-checks.js';

const retry = { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };

describe('decideChecks', () => {
  it('takes a stored verdict for its type and segment before the wording, never for a missing segment', async () => {
    const segments = createCheckedSegments([
      [1, 'The pottery class met.'],
      [2, 'The pottery class met.'],
    ]);
    const verdicts = new Map([
      [verdictKey({ type: 'once', segment: 1 }), 'no' as const],
      [verdictKey({ type: 'range', segment: 3 }), 'yes' as const],
    ]);
    const { decisions, judgeCalls, dropped } = await decideChecks({
      checks: [
        createConstraintCheck({ segment: 1 }),
        createConstraintCheck({ type: 'range', segment: 1 }),
        createConstraintCheck({ type: 'range', segment: 3 }),
      ],
      segments,
      unit: 'Week',
      verdicts,
    });
    expect(
      decisions.map(({ segment, type, present, decision, decidedBy }) => ({
        segment,
        type,
        present,
        decision,
        decidedBy,
      })),
    ).toEqual([
      { segment: 1, type: 'once', present: true, decision: 'no', decidedBy: 'stored' },
      { segment: 1, type: 'range', present: true, decision: 'yes', decidedBy: 'lexical' },
      { segment: 3, type: 'range', present: false, decision: 'no', decidedBy: 'missingSegment' },
    ]);
    expect({ judgeCalls, dropped }).toEqual({ judgeCalls: 0, dropped: 0 });
  });

  it('keys a stored verdict by type and segment', () => {
    expect(verdictKey({ type: 'periodic', segment: 12 })).toBe('periodic:12');
  });

  it('asks the judge about the inconclusive check only, naming the segment by its unit', async () => {
    const model = scriptedModel([{ text: '{"answer":"no"}' }], 'judge-model');
    const judge = { model, name: 'openai:judge-model', retry, clock: createFakeClock() };
    const segments = createCheckedSegments([
      [1, 'A gallery of photographs.'],
      [2, 'An art gallery opened.'],
    ]);
    const result = await decideChecks({
      checks: [
        createConstraintCheck({ segment: 1, event: 'art gallery' }),
        createConstraintCheck({ segment: 2, event: 'art gallery' }),
      ],
      segments,
      unit: 'Floor',
      judge,
    });
    expect(result.decisions.map(({ decision, decidedBy }) => [decision, decidedBy])).toEqual([
      ['no', 'judge'],
      ['yes', 'lexical'],
    ]);
    expect(result.judgeCalls).toBe(1);
    expect(JSON.stringify(model.doStreamCalls[0]?.prompt)).toContain('Floor 1');
  });
});
