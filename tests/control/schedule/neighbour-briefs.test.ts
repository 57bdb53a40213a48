import { describe, expect, it } from 'vitest';
import { neighbourBriefs } from '../../../src/control/schedule/neighbour-briefs.js';
import { sectionReservation } from '../../../src/control/schedule/section-reservation.js';
import { outputAllowance } from '../../../src/control/section-step/output-allowance.js';
import { createPlan } from '../../helpers/builders.js';

describe('neighbourBriefs', () => {
  const plan = createPlan({ count: 3 });

  it('tells a middle section both neighbours, and that no facts were fixed', async () => {
    const text = await neighbourBriefs({ plan, index: 1 });
    expect(text).toContain(
      'Just before this section: "Section 1", which covers: The point of section 1.',
    );
    expect(text).toContain(
      'Just after this section: "Section 3", which covers: The point of section 3.',
    );
    expect(text).toContain('- (none were fixed)');
  });

  it('tells the first and last sections that they open and close the document', async () => {
    expect(await neighbourBriefs({ plan, index: 0 })).toContain(
      'Just before this section: (none: this section opens the document)',
    );
    expect(await neighbourBriefs({ plan, index: 2 })).toContain(
      'Just after this section: (none: this section closes the document)',
    );
  });

  it('lists the facts fixed at planning time, one a line', async () => {
    const text = await neighbourBriefs({
      plan: { ...plan, facts: ['The guild was founded in 1761.', 'Its seat is in Belém.'] },
      index: 1,
    });
    expect(text).toContain('- The guild was founded in 1761.\n- Its seat is in Belém.');
    expect(text).not.toContain('(none were fixed)');
  });
});

describe('sectionReservation', () => {
  it('reserves the request at four characters a token, the step’s context and one reply', () => {
    const section = createPlan({ count: 1, words: 800 }).sections[0]!;
    const reserved = sectionReservation({ section, request: 'x'.repeat(401) });
    expect(reserved).toBe(101 + 1500 + outputAllowance(800));
    expect(sectionReservation({ section, request: '' })).toBe(1500 + outputAllowance(800));
  });
});
