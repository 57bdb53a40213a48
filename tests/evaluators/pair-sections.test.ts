import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/evaluators/finding.js';
import { pairSections } from '../../src/evaluators/pair-sections.js';
import { createPlan } from '../helpers/builders.js';

const stored = (indexes: number[]) =>
  indexes.map((index) => ({ index, file: `sections/${index}.md`, text: `Text ${index}.` }));

describe('pairSections', () => {
  it("pairs each written section with its plan's id, title and budget, in plan order", () => {
    const findings: Finding[] = [];
    const plan = createPlan({ count: 2, words: 400 });
    expect(pairSections({ plan, stored: stored([0, 1]), findings })).toEqual([
      { id: 's001', title: 'Section 1', words: 400, text: 'Text 0.' },
      { id: 's002', title: 'Section 2', words: 400, text: 'Text 1.' },
    ]);
    expect(findings).toEqual([]);
  });

  it('notes a plan with sections not written, and leaves out files beyond the plan', () => {
    const findings: Finding[] = [];
    const plan = createPlan({ count: 3 });
    const paired = pairSections({ plan, stored: stored([0, 1, 5]), findings });
    expect(paired.map((section) => section.id)).toEqual(['s001', 's002']);
    expect(findings).toEqual([
      {
        evaluator: 'length',
        ruleId: 'length/sections-incomplete',
        severity: 'warning',
        message:
          'The plan has 3 sections but 2 are written; only those are compared with their budgets.',
      },
    ]);
  });
});
