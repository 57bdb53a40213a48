import { describe, expect, it } from 'vitest';
import { checkConstraints } from '../../src/control/checks/check-constraints.js';
import { checkLength } from '../../src/control/checks/check-length.js';
import { checkMetaText } from '../../src/control/checks/check-meta-text.js';
import { checkOverlap, sectionOverlap } from '../../src/control/checks/check-overlap.js';
import type { SectionCheckInput } from '../../src/control/checks/section-check.js';
import { createPlan } from '../helpers/builders.js';
import { prose } from '../helpers/prompt-model.js';

function input(overrides: Partial<SectionCheckInput> & { text: string }): SectionCheckInput {
  const plan = createPlan({ count: 3, words: 100 });
  return {
    section: plan.sections[1]!,
    index: 1,
    plan,
    previous: [],
    settings: { lengthTolerance: 0.15, maxOverlap: 0.2 },
    ...overrides,
  };
}

const rules = (findings: Array<{ ruleId: string }>) => findings.map((finding) => finding.ruleId);

describe('checkLength', () => {
  it.each([
    [85, []],
    [115, []],
    [84, ['check/length-short']],
    [116, ['check/length-long']],
  ])('%i words against a budget of 100 → %o', (words, expected) => {
    expect(rules(checkLength(input({ text: prose(words, 1) })))).toEqual(expected);
  });

  it('never accepts a section over the length gate ceiling, whatever the tolerance', () => {
    const loose = { lengthTolerance: 0.3, lengthCeiling: 1.2, maxOverlap: 0.2 };
    expect(checkLength(input({ text: prose(120, 1), settings: loose }))).toEqual([]);
    expect(rules(checkLength(input({ text: prose(121, 1), settings: loose })))).toEqual([
      'check/length-long',
    ]);
    expect(checkLength(input({ text: prose(71, 1), settings: loose }))).toEqual([]);
  });

  it('counts Chinese by characters, as LongBench-Write does', () => {
    expect(checkLength(input({ text: '潮'.repeat(100) }))).toEqual([]);
  });
});

describe('sectionOverlap', () => {
  it('is 0 with nothing before, and compares against the last 40 sections only', () => {
    const earlier = prose(100, 1);
    expect(sectionOverlap({ text: earlier, previous: [] })).toBe(0);
    const others = Array.from({ length: 40 }, (_, index) => prose(30, 10 + index));
    expect(sectionOverlap({ text: earlier, previous: [earlier, ...others] })).toBe(0);
    expect(sectionOverlap({ text: earlier, previous: [...others, earlier] })).toBe(1);
  });
});

describe('checkOverlap', () => {
  it('fails only above the allowed share, saying how much repeats and naming the section', () => {
    const earlier = prose(100, 1);
    const text = `${earlier} ${prose(100, 3)}`;
    const overlap = sectionOverlap({ text, previous: [earlier] });
    const at = (maxOverlap: number) =>
      checkOverlap(
        input({ text, previous: [earlier], settings: { lengthTolerance: 0.15, maxOverlap } }),
      );
    expect(at(overlap)).toEqual([]);
    expect(at(0.2)).toEqual([
      {
        evaluator: 'check',
        ruleId: 'check/overlap',
        severity: 'error',
        message: `${Math.round(overlap * 100)}% of its 5-word phrases repeat earlier sections (at most 20% allowed): say something new`,
        location: { section: createPlan({ count: 3, words: 100 }).sections[1]!.id },
      },
    ]);
  });

  it('passes new text and fails text that repeats an earlier section', () => {
    const earlier = prose(100, 1);
    expect(checkOverlap(input({ text: prose(100, 2), previous: [earlier] }))).toEqual([]);
    const copied = `${earlier} ${prose(20, 3)}`;
    expect(rules(checkOverlap(input({ text: copied, previous: [earlier] })))).toEqual([
      'check/overlap',
    ]);
  });
});

describe('checkConstraints', () => {
  const plan = createPlan({
    count: 3,
    words: 100,
    sections: [{}, { constraints: [{ id: 'c1', text: 'a parenting workshop' }] }],
  });
  it('passes when the constraint is there, in any inflection', () => {
    const text = 'On Tuesday we attended two parenting workshops at the library.';
    expect(checkConstraints(input({ text, plan, section: plan.sections[1]! }))).toEqual([]);
  });

  it('fails when it is missing, naming it', () => {
    const findings = checkConstraints(
      input({ text: 'We went sailing.', plan, section: plan.sections[1]! }),
    );
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'check/constraint-missing' })]);
    expect(findings[0]?.message).toContain('a parenting workshop');
  });
});

describe('checkMetaText', () => {
  it.each([
    ['Paragraph 2 - Main Point: the harbour', 'check/meta-plan-label'],
    ['Main point: the harbour opens.', 'check/meta-plan-label'],
    ['As an AI language model, I cannot know this.', 'check/meta-assistant'],
    ["Sure, here's the section you asked for.", 'check/meta-assistant'],
    ['The harbour opened. Let me know if you want changes.', 'check/meta-assistant'],
    ['The harbour opened (600 words).', 'check/meta-word-count'],
    ['Error code: 429 - rate limit reached for requests', 'check/meta-api-error'],
    ['{"error": {"message": "Internal server error"}}', 'check/meta-api-error'],
    ['In conclusion, tides matter.', 'check/meta-early-conclusion'],
    ['总之，潮汐很重要。', 'check/meta-early-conclusion'],
  ])('flags %s', (text, rule) => {
    const findings = checkMetaText(input({ text: `The sea rose.\n\n${text}` }));
    expect(rules(findings)).toContain(rule);
    expect(findings[0]?.location?.line).toBe(3);
  });

  it('accepts a conclusion in the last section, and ordinary prose anywhere', () => {
    const plan = createPlan({ count: 2, words: 100 });
    const last = { section: plan.sections[1]!, index: 1, plan };
    expect(checkMetaText(input({ text: 'In conclusion, tides matter.', ...last }))).toEqual([]);
    expect(checkMetaText(input({ text: prose(200, 4) }))).toEqual([]);
    expect(
      checkMetaText(input({ text: 'The section of the river near the main point of land.' })),
    ).toEqual([]);
  });
});
