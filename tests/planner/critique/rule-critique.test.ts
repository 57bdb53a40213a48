import { describe, expect, it } from 'vitest';
import { outlinePlan } from '../../../src/planner/critique/outline-plan.js';
import { ruleCritique } from '../../../src/planner/critique/rule-critique.js';
import { partBrief } from '../../../src/planner/part-brief.js';
import type { PlanSection } from '../../../src/planner/plan-schema.js';
import { createPlan } from '../../helpers/builders.js';

const briefs = [
  'The pilots of the river bar, their boats, their pay and the storms that tested them.',
  'How the guild chose its masters, kept its books and settled quarrels with the port captains.',
  'The coming of steam tugs, the pilots who resisted them and the compromise of eighteen seventy.',
];

function critique(sections: Array<Partial<PlanSection>>) {
  return ruleCritique({ outline: outlinePlan(createPlan({ sections })), requirements: [] });
}

describe('ruleCritique', () => {
  it('finds nothing in distinct briefs with even budgets and every requirement placed', () => {
    expect(critique(briefs.map((brief) => ({ brief })))).toEqual([]);
  });

  it('names both sections whose briefs share more than half their words', () => {
    const findings = critique([
      { brief: briefs[0] },
      { brief: `${briefs[0]} Also the lighthouse.` },
      { brief: briefs[2] },
    ]);
    expect(findings.map((finding) => [finding.ruleId, finding.location?.section])).toEqual([
      ['critique/overlap', 's001'],
      ['critique/overlap', 's002'],
    ]);
    expect(findings[0]!.message).toMatch(/the briefs of s001 and s002 share \d+% of their words/);
  });

  it('counts the parts of a section split for length as one section, never as overlapping', () => {
    const parts = [1, 2, 3].map((part) => ({
      title: 'Storms',
      brief: partBrief({ brief: briefs[0]!, part, parts: 3 }),
      words: 500,
      continuation: part > 1,
    }));
    const plan = createPlan({
      sections: [...parts, { brief: briefs[1], words: 1_400 }, { brief: briefs[2], words: 1_600 }],
    });
    const outline = outlinePlan(plan);
    expect(outline.map((section) => [section.id, section.words])).toEqual([
      ['s001', 1_500],
      ['s004', 1_400],
      ['s005', 1_600],
    ]);
    expect(outline[0]!.brief).toBe(briefs[0]);
    expect(ruleCritique({ outline, requirements: [] })).toEqual([]);
  });

  it('names a budget far above or below the median', () => {
    const findings = critique([
      { brief: briefs[0], words: 2_000 },
      { brief: briefs[1], words: 500 },
      { brief: briefs[2], words: 500 },
      {
        brief: 'A fourth section on the harbour charts drawn by the pilots and sold to captains.',
        words: 150,
      },
    ]);
    expect(findings.map((finding) => [finding.ruleId, finding.location?.section])).toEqual([
      ['critique/unbalanced-budget', 's001'],
      ['critique/unbalanced-budget', 's004'],
    ]);
  });

  it('names a requirement due in no section', () => {
    const sections = briefs.map((brief, index) => ({
      brief,
      constraints: index === 0 ? [{ id: 'r1', text: 'the bar' }] : [],
    }));
    const findings = ruleCritique({
      outline: outlinePlan(createPlan({ sections })),
      requirements: [
        { id: 'r1', text: 'the bar' },
        { id: 'r2', text: 'the great storm of 1874' },
      ],
    });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'critique/unplaced-requirement',
        severity: 'error',
        message: expect.stringContaining('r2'),
      }),
    ]);
  });
});
