import { describe, expect, it } from 'vitest';
import { planCode } from '../../../src/code/plan/plan-code.js';
import { jsonTurn, scriptedToolModel } from '../helpers/tool-model.js';

const spec = '# Shop\n- [ ] 1.1. Users can add items.\n- [ ] 1.2. Users can remove items.';
const step = (requirements: string[]) => ({
  title: 'Cart',
  details: 'A cart module.',
  requirements,
  files: ['src/cart.js'],
  testFiles: ['test/cart.test.js'],
});
const retry = { maxAttempts: 1, initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };

describe('planCode', () => {
  it('asks again, naming the lines the first plan left out, and keeps the complete plan', async () => {
    const model = scriptedToolModel([
      jsonTurn({ instructions: [step(['1.1. Users can add items.'])] }),
      jsonTurn({
        instructions: [step(['1.1. Users can add items.']), step(['1.2. Users can remove items.'])],
      }),
    ]);
    const { plan, calls } = await planCode({
      spec,
      call: { model, retry },
      maxSteps: 10,
      planAttempts: 3,
    });
    expect(calls).toBe(2);
    expect(
      plan.instructions.map((each) => each.requirements.map((requirement) => requirement.id)),
    ).toEqual([['R1'], ['R2']]);
    const secondPrompt = JSON.stringify(model.doStreamCalls[1]?.prompt);
    expect(secondPrompt).toContain('Problems with your previous plan');
    expect(secondPrompt).toContain('- 1.2. Users can remove items.');
    expect(JSON.stringify(model.doStreamCalls[0]?.prompt)).toContain(
      '- 1.1. Users can add items.\\n- 1.2. Users can remove items.',
    );
  });

  it('attaches what is still missing after the last attempt, and asks to shorten an over-long plan', async () => {
    const tooLong = { instructions: [step([]), step([]), step(['1.1. Users can add items.'])] };
    const model = scriptedToolModel([jsonTurn(tooLong), jsonTurn(tooLong)]);
    const { plan, calls } = await planCode({
      spec,
      call: { model, retry },
      maxSteps: 2,
      planAttempts: 2,
    });
    expect(calls).toBe(2);
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain(
      'The plan had 3 steps; write at most 2',
    );
    expect(plan.instructions.at(-1)?.requirements.map((each) => each.id)).toEqual(['R2']);
    expect(plan.findings.map((finding) => finding.ruleId)).toEqual([
      'requirements-attached',
      'too-many-steps',
    ]);
  });
});
