import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { createProgress } from '../../../src/cli/progress/create-progress.js';
import { createLiveLine, fitColumns } from '../../../src/cli/progress/live-line.js';

function terminal(columns: number): CliIo & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: { write: () => true, isTTY: true },
    stderr: { write: (text: string) => err.push(text), isTTY: true, columns },
    env: {},
    cwd: '.',
  };
}

const drawn = (text: string) => text.replace('\r\x1b[2K', '');

describe('fitColumns', () => {
  it('measures in terminal columns: wide characters take two', () => {
    expect(fitColumns('abc', 3)).toBe('abc');
    expect(fitColumns('潮汐的成因', 6)).toBe('潮汐…');
    expect(stringWidth(fitColumns('潮汐的成因', 6))).toBeLessThanOrEqual(6);
  });

  it('never cuts inside a grapheme', () => {
    expect(fitColumns('ab👩‍👩‍👧cd', 5)).toBe('ab👩‍👩‍👧…');
    expect(fitColumns('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
  });
});

describe('createLiveLine', () => {
  it('draws only on a terminal, and clears itself before a line printed above', () => {
    const io = terminal(40);
    const line = createLiveLine({ io, now: () => 0, text: () => 'counters' });
    line.draw(true);
    line.say('a message');
    line.finish();
    expect(io.err).toEqual([
      '\r\x1b[2Kcounters',
      '\r\x1b[2K',
      'a message\n',
      '\r\x1b[2Kcounters',
      '\r\x1b[2K',
    ]);
  });
});

describe('write progress on a 120-column terminal', () => {
  it('keeps a Chinese section title within the line', () => {
    const io = terminal(120);
    let now = 0;
    const progress = createProgress({
      io,
      json: false,
      targetWords: 20_000,
      now: () => (now += 1_000),
    });
    const title =
      '潮汐的成因：月球与太阳的引力如何在一天之内两次抬高海面，以及为什么每个月会出现两次大潮和两次小潮';
    progress.onEvent({
      type: 'step-start',
      time: '2026-01-01T00:00:00.000Z',
      sectionId: 's001',
      index: 0,
      title,
      budget: 500,
      attempt: 1,
      action: 'write',
      contextTokens: 800,
      stableTokens: 300,
      trimmed: [],
    });
    const bar = drawn(io.err.at(-1) ?? '');
    expect(bar).toContain('writing 1/0 潮汐的成因');
    expect(bar.endsWith('…')).toBe(true);
    expect(stringWidth(bar)).toBeLessThanOrEqual(119);
    // Counted in characters, the line would have fit: the cut is the columns' doing.
    expect(bar.length).toBeLessThan(119);
  });
});
