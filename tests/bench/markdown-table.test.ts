import { describe, expect, it } from 'vitest';
import { formatCell, markdownTable } from '../../src/bench/markdown-table.js';

describe('markdownTable', () => {
  it('pads the columns, left-aligns the first and right-aligns the others', () => {
    const table = markdownTable({
      header: ['bucket', 'S_l'],
      rows: [
        ['[0,500)', '97.2'],
        ['overall', '100.0'],
      ],
    });
    expect(table).toBe(
      [
        '| bucket  |   S_l |',
        '|---------|------:|',
        '| [0,500) |  97.2 |',
        '| overall | 100.0 |',
      ].join('\n'),
    );
  });

  it('escapes pipes and counts wide characters as one column each', () => {
    const table = markdownTable({
      header: ['type', 'n'],
      rows: [
        ['社区论坛', '1'],
        ['a|b', '2'],
      ],
    });
    expect(table.split('\n')[2]).toBe('| 社区论坛 |   1 |');
    expect(table).toContain('a\\|b');
  });
});

describe('formatCell', () => {
  it('fixes the decimals and shows – for a missing value', () => {
    expect(formatCell(66.666)).toBe('66.7');
    expect(formatCell(0.5, 3)).toBe('0.500');
    expect(formatCell(null)).toBe('–');
    expect(formatCell(Number.NaN)).toBe('–');
  });
});
