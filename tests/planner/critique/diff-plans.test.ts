import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../../src/planner/critique/diff-plans.js';
import { createPlan } from '../../helpers/builders.js';

const before = createPlan({
  sections: [
    { title: 'Introduction', brief: 'What the document will cover.', words: 400 },
    {
      title: 'Five Tips on Boats',
      brief: 'The pilot boats, their rig, their crews and the signals they flew at the bar.',
      words: 600,
    },
    { title: 'The Guild', brief: 'More on the guild.', words: 2_000 },
  ],
});

describe('diffPlans', () => {
  it('says what was removed, renamed and rewritten, and which budgets moved', () => {
    const after = createPlan({
      sections: [
        {
          title: 'The Pilot Boats',
          brief: 'The pilot boats, their rig, their crews and the signals they flew at the bar.',
          words: 1_000,
        },
        {
          title: 'The Guild',
          brief: 'How the guild chose its masters, kept its books and settled quarrels.',
          words: 1_000,
        },
        {
          title: 'The Coming of Steam',
          brief: 'Steam tugs and the pilots who resisted them.',
          words: 1_000,
        },
      ],
    });
    const diff = diffPlans({ before, after });
    expect(diff.summary).toEqual({ added: 1, removed: 1, renamed: 1, briefs: 1, budgets: 2 });
    expect(diff.text.split('\n')).toEqual([
      '- removed "Introduction" (400 words)',
      '+ added "The Coming of Steam" (1000 words)',
      '    + Steam tugs and the pilots who resisted them.',
      '~ renamed "Five Tips on Boats" → "The Pilot Boats"',
      '~ budget of "The Pilot Boats": 600 → 1000 words',
      '~ brief of "The Guild"',
      '    - More on the guild.',
      '    + How the guild chose its masters, kept its books and settled quarrels.',
      '~ budget of "The Guild": 2000 → 1000 words',
      '',
    ]);
  });

  it('says so when nothing changed', () => {
    expect(diffPlans({ before, after: before })).toEqual({
      summary: { added: 0, removed: 0, renamed: 0, briefs: 0, budgets: 0 },
      text: 'no change\n',
    });
  });
});
