import { describe, expect, it } from 'vitest';
import { assembleDocument } from '../../src/markdown/assemble-document.js';

describe('assembleDocument', () => {
  it('adds the title and one heading per section, keeping the text as written', () => {
    const document = assembleDocument({
      title: 'Tides',
      sections: [
        { title: 'Why the sea moves', text: 'The Moon pulls *unevenly* on 2 * 3 things.' },
        { title: 'Spring tides', text: 'Twice a month.\n\n- one\n- two' },
      ],
    });
    expect(document).toBe(
      '# Tides\n\n## Why the sea moves\n\nThe Moon pulls *unevenly* on 2 * 3 things.\n\n## Spring tides\n\nTwice a month.\n\n- one\n- two\n',
    );
  });

  it('does not repeat a heading the section already starts with', () => {
    const document = assembleDocument({
      title: 'T',
      sections: [{ title: 'Spring Tides', text: '## spring tides\n\nTwice a month.' }],
    });
    expect(document.match(/spring tides/gi)).toHaveLength(1);
  });

  it('demotes top-level headings inside a section below the section heading', () => {
    const document = assembleDocument({
      title: 'T',
      sections: [{ title: 'A', text: 'Intro.\n\n# Big\n\nText.\n\n## Middle\n\n#### Deep' }],
    });
    expect(document).toContain('### Big');
    expect(document).toContain('### Middle');
    expect(document).toContain('#### Deep');
    expect(document.match(/^## /gm)).toHaveLength(1);
  });

  it('keeps inline formatting when it demotes a heading', () => {
    const heading = 'The `map()` call and [MDN](https://developer.mozilla.org/) *docs*';
    const document = assembleDocument({
      title: 'T',
      sections: [
        { title: 'A', text: `Intro.\n\n# ${heading}\n\nText.\n\nSetext **bold**\n===\n\nEnd.` },
      ],
    });
    expect(document).toContain(`\n### ${heading}\n`);
    expect(document).toContain('\n### Setext **bold**\n');
    expect(document).not.toContain('===');
  });

  it('joins continuation parts under the heading of their section', () => {
    const document = assembleDocument({
      title: 'T',
      sections: [
        { title: 'Long', text: 'Part one.' },
        { title: 'Long', text: 'Part two.', continuation: true },
      ],
    });
    expect(document).toBe('# T\n\n## Long\n\nPart one.\n\nPart two.\n');
  });

  it('leaves headings inside code blocks alone', () => {
    const document = assembleDocument({
      title: 'T',
      sections: [{ title: 'Code', text: '```md\n# not a heading\n```' }],
    });
    expect(document).toContain('# not a heading');
  });
});
