import { describe, expect, it } from 'vitest';
import { renderOutline } from '../../../src/control/context/render-outline.js';
import { sectionPosition } from '../../../src/control/context/section-position.js';
import { createPlan } from '../../helpers/builders.js';

describe('renderOutline', () => {
  it('lists every section of a short plan with its budget, a continued part marked', () => {
    const plan = createPlan({
      count: 3,
      words: 400,
      sections: [{}, { title: 'Section 1', continuation: true }],
    });
    expect(renderOutline({ plan, index: 1 })).toBe(
      ['1. Section 1 (400)', '2. Section 1 (continued) (400)', '3. Section 3 (400)'].join('\n'),
    );
  });

  it('shows a long plan around the current section, with its first and last, gaps counted', () => {
    const plan = createPlan({ count: 30, words: 100 });
    const lines = renderOutline({ plan, index: 15, window: 4 }).split('\n');
    expect(lines).toEqual([
      '1. Section 1 (100)',
      '… 12 more sections …',
      '14. Section 14 (100)',
      '15. Section 15 (100)',
      '16. Section 16 (100)',
      '17. Section 17 (100)',
      '18. Section 18 (100)',
      '… 11 more sections …',
      '30. Section 30 (100)',
    ]);
  });

  it('shows the whole plan when it has exactly as many sections as the window', () => {
    const plan = createPlan({ count: 5 });
    expect(renderOutline({ plan, index: 0, window: 5 }).split('\n')).toHaveLength(5);
    expect(renderOutline({ plan, index: 0, window: 4 })).toContain('… 1 more sections …');
  });

  it('keeps 24 sections by default', () => {
    expect(renderOutline({ plan: createPlan({ count: 24 }), index: 0 })).not.toContain('more');
    expect(renderOutline({ plan: createPlan({ count: 26 }), index: 0 })).toBe(
      [
        ...Array.from({ length: 13 }, (_, index) => `${index + 1}. Section ${index + 1} (500)`),
        '… 12 more sections …',
        '26. Section 26 (500)',
      ].join('\n'),
    );
  });
});

describe('sectionPosition', () => {
  const plan = createPlan({ count: 3 });

  it('tells each section where it sits', () => {
    expect(sectionPosition({ plan, index: 0 })).toBe(
      'This is the opening section: draw the reader in. Do not conclude.',
    );
    expect(sectionPosition({ plan, index: 1 })).toBe(
      'This is a middle section: pick up from the previous one; do not summarise the document or conclude it.',
    );
    expect(sectionPosition({ plan, index: 2 })).toBe(
      'This is the final section: bring the document to its close.',
    );
    expect(sectionPosition({ plan: createPlan({ count: 1 }), index: 0 })).toBe(
      'This is the whole document: open it and close it.',
    );
  });

  it('tells a continued part not to restart, and to close only at the end', () => {
    const continued = createPlan({
      count: 3,
      sections: [{}, { title: 'Section 1', continuation: true }, { continuation: true }],
    });
    expect(sectionPosition({ plan: continued, index: 1 })).toBe(
      'This continues the section "Section 1" from where the previous part stopped: no heading, no recap, no repetition. Do not conclude the document.',
    );
    expect(sectionPosition({ plan: continued, index: 2 })).toMatch(
      / no repetition\. It is the end of the document: close it\.$/,
    );
  });
});
