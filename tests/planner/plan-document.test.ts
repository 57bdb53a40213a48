import { describe, expect, it } from 'vitest';
import { PlanningError } from '../../src/errors/planning-error.js';
import { planDocument } from '../../src/planner/plan-document.js';
import { createTask } from '../helpers/builders.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { draftPlanJson, promptModel } from '../helpers/prompt-model.js';

const limits = { maxSectionWords: 1_200, minSectionWords: 150, attempts: 3 };
const retry = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };

describe('planDocument', () => {
  it('asks once with the request, target and constraints, and normalises the answer', async () => {
    const model = promptModel(() => ({ text: draftPlanJson({ count: 4, words: 250 }) }));
    const task = createTask({
      words: 3_000,
      requirements: [{ id: 'c1', text: 'the Severn bore' }],
    });
    const result = await planDocument({ task, call: { model }, ...limits });
    expect(model.doStreamCalls).toHaveLength(1);
    const prompt = JSON.stringify(model.doStreamCalls[0]?.prompt);
    expect(prompt).toContain('Write a guide to tides');
    expect(prompt).toContain('3000 words');
    expect(prompt).toContain('c1: the Severn bore');
    expect(result.plan.sections.reduce((sum, section) => sum + section.words, 0)).toBe(3_000);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['budgets-rescaled', 'requirement-unplaced']),
    );
    expect(result.plan.sections.flatMap((section) => section.constraints)).toHaveLength(1);
  });

  it('recovers from invalid JSON through the retry layer', async () => {
    const model = promptModel(({ index }) =>
      index === 0
        ? { text: '{"title": "x", "sections": [' }
        : { text: draftPlanJson({ count: 3, words: 500 }) },
    );
    const result = await planDocument({
      task: createTask({ words: 1_500 }),
      call: { model, retry, clock: createFakeClock() },
      ...limits,
    });
    expect(model.doStreamCalls).toHaveLength(2);
    expect(result.plan.sections).toHaveLength(3);
  });

  it('asks again, with the problems as feedback, when the plan cannot be repaired', async () => {
    const model = promptModel(({ index }) => ({
      text:
        index === 0
          ? '{"title":"x","sections":[],"placements":[]}'
          : draftPlanJson({ count: 3, words: 500 }),
    }));
    const result = await planDocument({
      task: createTask({ words: 1_500 }),
      call: { model },
      ...limits,
    });
    expect(result.attempts).toBe(2);
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain(
      'the plan has no usable sections',
    );
  });

  it('fails with a clear error after the attempts run out', async () => {
    const model = promptModel(() => ({ text: '{"title":"x","sections":[],"placements":[]}' }));
    const error = await planDocument({ task: createTask(), call: { model }, ...limits }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(PlanningError);
    expect(error.message).toContain('--plan');
    expect(model.doStreamCalls).toHaveLength(3);
  });

  it('asks again when the plan has far fewer sections than the length needs', async () => {
    const model = promptModel(({ index }) => ({
      text: draftPlanJson({ count: index === 0 ? 1 : 15, words: 700 }),
    }));
    const result = await planDocument({
      task: createTask({ words: 10_000 }),
      call: { model },
      ...limits,
    });
    expect(result.attempts).toBe(2);
    expect(result.plan.sections).toHaveLength(15);
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain('the plan has 1 section(s)');
  });

  it('accepts a plan with too few sections on the last attempt, split, and says so', async () => {
    const model = promptModel(() => ({ text: draftPlanJson({ count: 1, words: 700 }) }));
    const result = await planDocument({
      task: createTask({ words: 10_000 }),
      call: { model },
      ...limits,
    });
    expect(result.attempts).toBe(3);
    expect(result.plan.sections.length).toBeGreaterThanOrEqual(9);
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'too-few-sections' }));
  });
});
