import { describe, expect, it } from 'vitest';
import { normalisePlan } from '../../src/planner/normalise-plan.js';
import { rescaleBudgets } from '../../src/planner/rescale-budgets.js';
import { createDraft, createTask } from '../helpers/builders.js';

const limits = { maxSectionWords: 1_200, minSectionWords: 150 };
const total = (plan: { sections: Array<{ words: number }> } | undefined) =>
  plan?.sections.reduce((sum, section) => sum + section.words, 0);

describe('rescaleBudgets', () => {
  it.each([
    [[1, 1, 1], 10, [4, 3, 3]],
    [[100, 300], 1_000, [250, 750]],
    [[0, 0], 9, [5, 4]],
    [[Number.NaN, 5], 10, [1, 9]],
  ])('%o to %i → %o', (weights, sum, expected) => {
    const budgets = rescaleBudgets({ weights, total: sum });
    expect(budgets).toEqual(expected);
    expect(budgets.reduce((a, b) => a + b, 0)).toBe(sum);
  });
});

describe('normalisePlan', () => {
  it('keeps the facts the planner fixed, trimmed, and gives none when it fixed none', () => {
    const task = createTask({ words: 3_000 });
    const draft = {
      ...createDraft({ count: 3, words: 1_000 }),
      facts: [' The ship is the Wren. ', ''],
    };
    expect(normalisePlan({ draft, task, ...limits }).plan?.facts).toEqual([
      'The ship is the Wren.',
    ]);
    const none = normalisePlan({ draft: createDraft({ count: 3, words: 1_000 }), task, ...limits });
    expect(none.plan).not.toHaveProperty('facts');
  });

  it('rescales budgets that do not sum to the target, exactly', () => {
    const task = createTask({ words: 10_000 });
    const { plan, findings } = normalisePlan({
      draft: createDraft({ count: 10, words: 700 }),
      task,
      ...limits,
    });
    expect(total(plan)).toBe(10_000);
    expect(plan?.sections).toHaveLength(10);
    expect(findings.map((finding) => finding.ruleId)).toContain('budgets-rescaled');
  });

  it('splits sections above the maximum into continuations', () => {
    const task = createTask({ words: 5_000 });
    const { plan } = normalisePlan({ draft: createDraft({ count: 2 }), task, ...limits });
    expect(plan?.sections.every((section) => section.words <= 1_200)).toBe(true);
    expect(total(plan)).toBe(5_000);
    expect(plan?.sections.map((section) => section.continuation ?? false)).toEqual([
      false,
      true,
      true,
      false,
      true,
      true,
    ]);
    expect(plan?.sections[1]?.title).toBe('Topic 1');
  });

  it('merges sections below the minimum into a neighbour, keeping their briefs', () => {
    const draft = createDraft({ count: 4 });
    draft.sections[2]!.words = 30;
    const { plan, findings } = normalisePlan({
      draft,
      task: createTask({ words: 1_830 }),
      ...limits,
    });
    expect(plan?.sections).toHaveLength(3);
    expect(plan?.sections.some((section) => section.brief.includes('topic 3 covers'))).toBe(true);
    expect(findings.map((finding) => finding.ruleId)).toContain('section-merged');
    expect(total(plan)).toBe(1_830);
  });

  it('repairs empty sections, missing briefs and bad budgets', () => {
    const draft = createDraft({ count: 4 });
    draft.sections[0] = { title: '  ', brief: '', words: 500 };
    draft.sections[1]!.brief = '';
    draft.sections[2]!.words = Number.NaN;
    draft.sections[3]!.words = -4;
    const { plan, findings } = normalisePlan({
      draft,
      task: createTask({ words: 1_500 }),
      ...limits,
    });
    expect(plan?.sections.map((section) => section.title)).toEqual([
      'Topic 2',
      'Topic 3',
      'Topic 4',
    ]);
    expect(plan?.sections[0]?.brief).toBe('Topic 2');
    expect(findings.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['empty-section', 'missing-brief', 'bad-budget']),
    );
    expect(total(plan)).toBe(1_500);
  });

  it('refuses a plan with no usable sections', () => {
    const { plan, findings } = normalisePlan({
      draft: { title: 'x', sections: [], placements: [] },
      task: createTask(),
      ...limits,
    });
    expect(plan).toBeUndefined();
    expect(findings[0]).toMatchObject({ ruleId: 'empty-plan', severity: 'error' });
  });

  it('refuses a plan made mostly of duplicates', () => {
    const draft = createDraft({ count: 6 });
    for (const section of draft.sections) section.title = 'Same';
    expect(normalisePlan({ draft, task: createTask(), ...limits }).plan).toBeUndefined();
  });

  it('places requirements where the planner said, through splits', () => {
    const task = createTask({
      words: 4_000,
      requirements: [{ id: 'c1', text: 'the Bay of Fundy' }],
    });
    const draft = createDraft({ count: 2, placements: [{ requirement: 'c1', sections: [2] }] });
    const { plan } = normalisePlan({ draft, task, ...limits });
    const holders = plan?.sections.filter((section) => section.constraints.length > 0);
    expect(holders).toHaveLength(1);
    expect(holders?.[0]?.title).toBe('Topic 2');
    expect(holders?.[0]?.continuation).toBeUndefined();
  });

  it('places a requirement the planner forgot, by rule, and says so', () => {
    const task = createTask({ requirements: [{ id: 'c1', text: 'a tidal bore' }] });
    const draft = createDraft();
    draft.sections[3]!.brief = 'Tidal bores on rivers such as the Severn.';
    const { plan, findings } = normalisePlan({ draft, task, ...limits });
    expect(plan?.sections[3]?.constraints).toEqual([{ id: 'c1', text: 'a tidal bore' }]);
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'requirement-unplaced' }));
  });

  it('re-places a requirement put in a section that does not exist', () => {
    const task = createTask({ requirements: [{ id: 'c1', text: 'moon' }] });
    const draft = createDraft({ placements: [{ requirement: 'c1', sections: [42] }] });
    const { plan, findings } = normalisePlan({ draft, task, ...limits });
    expect(plan?.sections.flatMap((section) => section.constraints)).toHaveLength(1);
    expect(findings).toContainEqual(
      expect.objectContaining({ ruleId: 'requirement-bad-placement' }),
    );
  });

  it('gives sections stable ids in order', () => {
    const { plan } = normalisePlan({
      draft: createDraft({ count: 3 }),
      task: createTask({ words: 1_800 }),
      ...limits,
    });
    expect(plan?.sections.map((section) => section.id)).toEqual(['s001', 's002', 's003']);
  });
});
