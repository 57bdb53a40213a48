import { describe, expect, it } from 'vitest';
import { referenceSectionStart } from '../../../src/evaluators/repetition/reference-section-start.js';

const body = 'Prose of the document. '.repeat(10);

describe('referenceSectionStart', () => {
  it.each([
    '## References',
    '**Bibliography:**',
    'Works Cited',
    '   __Further reading__',
    '###### sources:',
    '参考文献',
  ])('finds the heading "%s" in the second half', (heading) => {
    const text = `${body}\n${heading}\nSmith, J. (2001).\n`;
    expect(referenceSectionStart(text)).toBe(body.length + 1);
  });

  it('takes the last heading in the second half and ignores one in the first half', () => {
    const text = `## Sources\n${body}\n## References\nA.\n## References\nB.\n`;
    expect(referenceSectionStart(text)).toBe(text.lastIndexOf('## References'));
    expect(referenceSectionStart(`## References\n${body}`)).toBeUndefined();
  });

  it('counts a heading that starts exactly halfway, and one with no space after its marks', () => {
    const text = `${'x'.repeat(20)}\n## References\n${'a'.repeat(6)}\n`;
    expect(text.length).toBe(42);
    expect(referenceSectionStart(text)).toBe(21);
    expect(referenceSectionStart(`${body}\n###Bibliography\n`)).toBe(body.length + 1);
  });

  it('takes a heading indented by up to three spaces, never a line of an indented code block', () => {
    expect(referenceSectionStart(`${body}\n   References\n`)).toBe(body.length + 1);
    expect(referenceSectionStart(`${body}\n   ## References\n`)).toBe(body.length + 1);
    for (const code of [
      '    References',
      '\tReferences',
      '      ## Bibliography',
      '    **Works Cited**',
    ]) {
      expect(referenceSectionStart(`${body}\n${code}\n`), code).toBeUndefined();
    }
  });

  it('ignores a line that only mentions references', () => {
    expect(referenceSectionStart(`${body}\nReferences to the past abound.\n`)).toBeUndefined();
    expect(referenceSectionStart(`${body}\n## The references\n`)).toBeUndefined();
  });
});
