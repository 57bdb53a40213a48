import { describe, expect, it } from 'vitest';
import { passageAt, renderMarkdown } from '../../../src/report/html/render-markdown.js';

describe('renderMarkdown', () => {
  it('gives every top-level block an id and its source offsets', () => {
    const markdown = '# Title\n\nFirst paragraph.\n\n- one\n- two\n\nLast.\n';
    const { html, passages } = renderMarkdown({ markdown });
    expect(passages.map((passage) => passage.id)).toEqual([
      'passage-1',
      'passage-2',
      'passage-3',
      'passage-4',
    ]);
    expect(html).toContain('<h1 id="passage-1">Title</h1>');
    expect(html).toContain('<p id="passage-2">First paragraph.</p>');
    const list = passages[2]!;
    expect(markdown.slice(list.start, list.end)).toBe('- one\n- two');
  });

  it('drops raw HTML and unsafe links, and never loads an image', () => {
    const { html } = renderMarkdown({
      markdown:
        'Hi [x](javascript:alert(1)) <script>alert(1)</script>\n\n![a chart](http://example.com/a.png)\n',
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('[image: a chart]');
  });

  it('renders GFM tables', () => {
    const { html } = renderMarkdown({ markdown: '| a | b |\n|---|---|\n| 1 | 2 |\n' });
    expect(html).toContain('<table id="passage-1">');
    expect(html).toContain('<td>2</td>');
  });
});

describe('passageAt', () => {
  const passages = [
    { id: 'passage-1', start: 0, end: 7 },
    { id: 'passage-2', start: 9, end: 25 },
  ];

  it('finds the passage starting at or before an offset', () => {
    expect(passageAt({ passages, offset: 0 })?.id).toBe('passage-1');
    expect(passageAt({ passages, offset: 8 })?.id).toBe('passage-1');
    expect(passageAt({ passages, offset: 30 })?.id).toBe('passage-2');
    expect(passageAt({ passages: [], offset: 3 })).toBeUndefined();
  });
});
