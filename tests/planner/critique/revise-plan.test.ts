import { describe, expect, it } from 'vitest';
import { revisePlan } from '../../../src/planner/critique/revise-plan.js';
import { createPlan, createTask } from '../../helpers/builders.js';
import { draftPlanJson, promptModel } from '../../helpers/prompt-model.js';

const task = createTask({ prompt: 'Write a 6,000-word history of the tides', words: 6_000 });
const finding = {
  evaluator: 'critique',
  ruleId: 'critique/unbalanced-budget',
  message: 'section 1 holds most of the words',
  severity: 'warning' as const,
  location: { section: 's001' },
};

/** Revises a plan on a model that answers with three sections of 2,000 words. */
function revise(parallel?: number) {
  const model = promptModel(() => ({ text: draftPlanJson({ count: 3, words: 2_000 }) }));
  return revisePlan({
    call: { model },
    task,
    plan: createPlan({ count: 3, words: 2_000 }),
    findings: [finding],
    maxSectionWords: 1_200,
    minSectionWords: 150,
    ...(parallel === undefined ? {} : { parallel }),
  });
}

describe('revisePlan', () => {
  it('normalises the revised plan as a new one: oversized sections split to fit', async () => {
    const revised = await revise();
    expect(revised.ok).toBe(true);
    if (!revised.ok) return;
    expect(revised.plan.sections).toHaveLength(6);
    expect(Math.max(...revised.plan.sections.map((section) => section.words))).toBeLessThanOrEqual(
      1_200,
    );
  });

  it('splits the revised plan into whole waves of the sections drafted at once', async () => {
    const revised = await revise(4);
    expect(revised.ok).toBe(true);
    if (!revised.ok) return;
    expect(revised.plan.sections).toHaveLength(8);
  });
});
