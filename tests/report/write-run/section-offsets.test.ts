import { describe, expect, it } from 'vitest';
import { assembleDocument } from '../../../src/markdown/assemble-document.js';
import {
  sectionLineOffset,
  sectionOffsets,
} from '../../../src/report/write-run/section-offsets.js';
import { createPlan } from '../../helpers/builders.js';

describe('sectionOffsets', () => {
  const plan = createPlan({ count: 3 });
  const texts = ['The first part.\n\nMore of it.', '## Its own heading\n\nSecond part.', 'Third.'];
  const sections = texts.map((text, index) => ({ index, file: `s${index}.md`, text }));
  const document = assembleDocument({
    title: plan.title,
    sections: plan.sections.map((section, index) => ({
      title: section.title,
      text: texts[index]!,
    })),
  });

  it('finds each section at its heading in the assembled document', () => {
    const offsets = sectionOffsets({ document, plan, sections });
    for (const section of plan.sections) {
      expect(document.slice(offsets.get(section.id))).toMatch(new RegExp(`^## ${section.title}`));
    }
  });

  it('places a line of a section by its text, or at the section start', () => {
    const start = sectionOffsets({ document, plan, sections }).get(plan.sections[0]!.id)!;
    const offset = sectionLineOffset({
      document,
      sectionStart: start,
      sectionText: texts[0]!,
      line: 3,
    });
    expect(document.slice(offset)).toMatch(/^More of it\./);
    expect(
      sectionLineOffset({ document, sectionStart: start, sectionText: texts[0]!, line: 99 }),
    ).toBe(start);
  });
});
