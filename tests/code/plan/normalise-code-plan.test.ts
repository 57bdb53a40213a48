import { describe, expect, it } from 'vitest';
import type { CodePlanAnswer } from '../../../src/code/plan/code-plan-answer.js';
import { extractRequirements } from '../../../src/code/plan/extract-requirements.js';
import {
  attachMissingRequirements,
  normaliseCodePlan,
} from '../../../src/code/plan/normalise-code-plan.js';

const spec =
  '- [ ] 1.1. Users can add items.\n- [ ] 1.2. Users can remove items.\n- [ ] 2.1. Users can pay.';
const requirements = extractRequirements(spec);

function answer(steps: Array<Partial<CodePlanAnswer['instructions'][number]>>): CodePlanAnswer {
  return {
    instructions: steps.map((step, index) => ({
      title: `Step ${index + 1}`,
      details: 'Build it.',
      requirements: [],
      files: [`src/part${index + 1}.js`],
      testFiles: [`test/part${index + 1}.test.js`],
      ...step,
    })),
  };
}

describe('normaliseCodePlan', () => {
  it('stores requirement lines in the spec’s exact words and reports none missing when all are assigned', () => {
    const { plan, missing } = normaliseCodePlan({
      answer: answer([
        { requirements: ['Users can add items', '- [ ] 1.2. Users can remove items.'] },
        { requirements: ['2.1. Users can pay.'] },
      ]),
      requirements,
    });
    expect(missing).toEqual([]);
    expect(plan.instructions.map((step) => step.requirements.map((each) => each.text))).toEqual([
      ['1.1. Users can add items.', '1.2. Users can remove items.'],
      ['2.1. Users can pay.'],
    ]);
    expect(plan.instructions.map((step) => [step.id, step.status, step.requiresTests])).toEqual([
      ['step-01', 'pending', true],
      ['step-02', 'pending', true],
    ]);
    expect(plan.findings).toEqual([]);
  });

  it('reports paraphrased lines and leaves their requirement missing', () => {
    const { plan, missing } = normaliseCodePlan({
      answer: answer([
        { requirements: ['1.1. Users can add items.', 'Shoppers can take items out'] },
        { requirements: ['2.1. Users can pay.'] },
      ]),
      requirements,
    });
    expect(missing.map((each) => each.id)).toEqual(['R2']);
    expect(plan.findings).toEqual([
      expect.objectContaining({ ruleId: 'requirement-not-verbatim' }),
    ]);
    expect(plan.instructions[0]?.details).toContain('Shoppers can take items out');
  });

  it('drops paths that leave the workspace and flags steps without files, code without tests, oddly named tests', () => {
    const { plan } = normaliseCodePlan({
      answer: answer([
        { files: ['src/a.js', '../evil.js', '/etc/passwd', './src/a.js'], testFiles: [] },
        { testFiles: ['spec/b.js'] },
        { files: [] },
      ]),
      requirements,
    });
    expect(plan.instructions[0]?.files).toEqual(['src/a.js']);
    expect(plan.findings.map((finding) => finding.ruleId)).toEqual([
      'bad-path',
      'bad-path',
      'no-test-files',
      'test-file-name',
      'no-files',
    ]);
    expect(plan.instructions[0]?.requiresTests).toBe(true);
  });

  it('attaches unassigned requirements to a final instruction of their own, and says so', () => {
    const { plan, missing } = normaliseCodePlan({
      answer: answer([{ requirements: ['1.1. Users can add items.'] }]),
      requirements,
    });
    const repaired = attachMissingRequirements({ plan, missing });
    expect(repaired.instructions).toHaveLength(2);
    expect(repaired.instructions[1]).toMatchObject({ id: 'step-02', requiresTests: true });
    expect(repaired.instructions[1]?.requirements.map((each) => each.id)).toEqual(['R2', 'R3']);
    expect(repaired.findings.at(-1)).toMatchObject({
      ruleId: 'requirements-attached',
      severity: 'warning',
    });
  });
});
