import { describe, expect, it } from 'vitest';
import { planDocument } from '../../src/planner/plan-document.js';
import { createTask } from '../helpers/builders.js';
import { promptModel } from '../helpers/prompt-model.js';

const constraints = {
  unit: 'Week',
  segments: 52,
  minWords: 100,
  constraints: [
    { type: 'once' as const, segment: 3, event: 'my sister visits' },
    { type: 'periodic' as const, start: 13, every: 5, event: 'parenting workshop' },
    { type: 'range' as const, start: 40, end: 42, event: 'kitchen renovation' },
  ],
};
const limits = { maxSectionWords: 1_200, minSectionWords: 150, attempts: 3 };

describe('planDocument on a segmented task', () => {
  it('builds one section per segment by code, with the constraints due in each', async () => {
    const model = promptModel(({ prompt }) => {
      const first = Number(/Week\s+(\d+) to Week/.exec(prompt)?.[1]);
      return {
        text: JSON.stringify({
          briefs: [{ segment: first, brief: `What happens in week ${first}.` }],
        }),
      };
    });
    const task = createTask({ words: 52 * 200, constraints });
    const { plan, findings } = await planDocument({ task, call: { model }, ...limits });
    expect(model.doStreamCalls).toHaveLength(2);
    expect(plan.sections).toHaveLength(52);
    expect(plan.sections.map((section) => section.title).slice(0, 3)).toEqual([
      'Week 1',
      'Week 2',
      'Week 3',
    ]);
    expect(plan.sections[0]?.brief).toBe('What happens in week 1.');
    expect(plan.sections[1]?.brief).toContain('Week 2 of 52');
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'missing-brief' }));
    const dueAt = (segment: number) =>
      plan.sections[segment - 1]?.constraints.map((item) => item.text);
    expect(dueAt(3)).toEqual(['my sister visits']);
    for (const week of [13, 18, 23, 28, 33, 38, 43, 48])
      expect(dueAt(week)).toContain('parenting workshop');
    expect(dueAt(14)).toEqual([]);
    for (const week of [40, 41, 42]) expect(dueAt(week)).toContain('kitchen renovation');
    expect(plan.sections.every((section) => section.words === 200)).toBe(true);
  });

  it('raises budgets to the minimum per segment and says so', async () => {
    const model = promptModel(() => ({ text: '{"briefs": []}' }));
    const task = createTask({ words: 1_000, constraints });
    const { plan, findings } = await planDocument({ task, call: { model }, ...limits });
    expect(plan.sections.every((section) => section.words === 100)).toBe(true);
    expect(findings).toContainEqual(
      expect.objectContaining({ ruleId: 'budgets-rescaled', severity: 'warning' }),
    );
  });
});
