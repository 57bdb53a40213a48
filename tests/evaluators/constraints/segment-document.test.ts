import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../src/errors/invalid-option-error.js';
import { segmentDocument } from '../../../src/evaluators/constraints/segment-document.js';

describe('segmentDocument', () => {
  it('numbers separated pieces by their header, like SGT outputs', () => {
    const text =
      'Preamble here.\n#*# Week 1 (January 1st - January 7th):\nCold start, two words.\n#*# Week 2:\nSecond entry.\n*** finished';
    const { segments, problems } = segmentDocument({
      text,
      unit: 'Week',
      separator: '#*#',
      segments: 52,
    });
    expect(segments.map((segment) => segment.number)).toEqual([1, 2]);
    expect(segments[0]).toMatchObject({ start: text.indexOf(' Week 1'), words: 4 });
    expect(segments[0]?.text).toContain('Cold start');
    expect(problems).toEqual([]);
  });

  it('reports duplicates (the first wins), numbers out of range and unnumbered pieces', () => {
    const text =
      '#*# Floor 1:\nlobby\n#*# Floor 2:\nfirst two\n#*# Floor 2:\nsecond two\n#*# Floor 9:\nroof\n#*# no header\ntext';
    const { segments, problems } = segmentDocument({
      text,
      unit: 'Floor',
      separator: '#*#',
      segments: 3,
    });
    expect(segments.map((segment) => segment.number)).toEqual([1, 2]);
    expect(segments[1]?.text).toContain('first two');
    expect(problems.map(({ kind, number }) => ({ kind, number }))).toEqual([
      { kind: 'duplicate', number: 2 },
      { kind: 'outOfRange', number: 9 },
      { kind: 'unnumbered', number: undefined },
    ]);
    expect(problems[0]?.offset).toBe(text.indexOf('#*# Floor 2:', text.indexOf('first two')) + 3);
  });

  it('finds header lines without a separator, and not prose that starts with the unit', () => {
    const text =
      '# Diary\n\n## Week 1\nWeek 2 was going to be busy, I thought.\n\n**Week 2:** market day\nmore\nWeek 3 (quiet)\nrest\nweek 4\nend';
    const { segments } = segmentDocument({ text, unit: 'Week', segments: 4 });
    expect(segments.map((segment) => [segment.number, segment.text.split('\n')[0]])).toEqual([
      [1, '## Week 1'],
      [2, '**Week 2:** market day'],
      [3, 'Week 3 (quiet)'],
    ]);
    expect(segments[0]?.words).toBe(8);
    const lenient = segmentDocument({ text, unit: 'Week', segments: 4, headers: 'lenient' });
    expect(lenient.segments.map((segment) => segment.number)).toEqual([1, 2, 3, 4]);
  });

  it("reads a separated piece's number as SGT does: first match anywhere, one space, case as given", () => {
    const text = [
      'Intro',
      ' Week 1 (January 1st - January 7th):\nquiet',
      ' Week  2:\ntwo spaces, not a header for SGT',
      ' week 3:\nlower case',
      ' Notes first.\nThen Week 4 comes up later in the block.',
      ' Week\t5:\na tab',
      ' Week ６:\nfull-width digit',
    ].join('#*#');
    const exact = segmentDocument({ text, unit: 'Week', separator: '#*#', segments: 52 });
    expect(exact.segments.map((segment) => segment.number)).toEqual([1, 4, 6]);
    // Its header is not on its first line, so every word of the piece counts.
    expect(exact.segments.find((segment) => segment.number === 4)?.words).toBe(10);
    const lenient = segmentDocument({
      text,
      unit: 'Week',
      separator: '#*#',
      segments: 52,
      headers: 'lenient',
    });
    expect(lenient.segments.map((segment) => segment.number)).toEqual([1, 2, 3, 5, 6]);
  });

  it('does not take "Menu Week 5" for "Week 50" or a longer number for a shorter one', () => {
    const text = '#*# Menu Week 5:\nsoup\n#*# Menu Week 50:\nstew';
    expect(
      segmentDocument({ text, unit: 'Menu Week', separator: '#*#', segments: 52 }).segments.map(
        (segment) => segment.number,
      ),
    ).toEqual([5, 50]);
  });

  it('numbers pieces in order when there is only a separator', () => {
    const text = 'first part\n---\nsecond part\n---\n\n---\nthird part';
    const { segments } = segmentDocument({ text, separator: '---', segments: 3 });
    expect(segments.map((segment) => [segment.number, segment.text.trim()])).toEqual([
      [1, 'first part'],
      [2, 'second part'],
      [3, 'third part'],
    ]);
  });

  it('takes header lines behind quote, list and table marks, and headings whatever follows', () => {
    const text = [
      'Before any header.',
      '> Week 1',
      'one',
      '- Week 2:',
      'two',
      '| Week 3',
      'three',
      '~ Week 4',
      'four',
      '## Week 5 was busy',
      'five',
      '_Week 6_ notes',
      'six',
      'Week 7 – spring',
      'seven',
      'Week 8 was quiet',
      'Week 9.',
      'nine',
      '#*# Week 10',
      'ten',
    ].join('\n');
    const { segments, problems } = segmentDocument({ text, unit: 'Week', segments: 10 });
    expect(segments.map((segment) => [segment.number, segment.text])).toEqual([
      [1, '> Week 1\none\n'],
      [2, '- Week 2:\ntwo\n'],
      [3, '| Week 3\nthree\n'],
      [4, '~ Week 4\nfour\n'],
      [5, '## Week 5 was busy\nfive\n'],
      [6, '_Week 6_ notes\nsix\n'],
      [7, 'Week 7 – spring\nseven\nWeek 8 was quiet\n'],
      [9, 'Week 9.\nnine\n'],
      [10, '#*# Week 10\nten'],
    ]);
    expect(segments[6]).toMatchObject({
      start: text.indexOf('Week 7'),
      end: text.indexOf('Week 9.'),
      words: 4,
    });
    expect(problems).toEqual([]);
  });

  it('takes a header struck through or alone in a table row, not a table row of data', () => {
    const text = [
      '| Week 1 |',
      'one',
      '~~Week 2~~',
      'two',
      '| **Week 3** |',
      'three',
      '~~Week 4~~:',
      'four',
      '| Week 5 | 20 km |',
      '| Week 6 | – |',
    ].join('\n');
    for (const headers of ['sgt', 'lenient'] as const) {
      const { segments } = segmentDocument({ text, unit: 'Week', segments: 6, headers });
      expect(segments.map((segment) => [segment.number, segment.text.split('\n')[0]])).toEqual([
        [1, '| Week 1 |'],
        [2, '~~Week 2~~'],
        [3, '| **Week 3** |'],
        [4, '~~Week 4~~:'],
      ]);
      expect(segments[3]?.text).toBe(text.slice(text.indexOf('~~Week 4~~')));
    }
  });

  it('numbers separated pieces with decorated headers as SGT does, under either rule', () => {
    // SGT's `re.search("Week (\d+)", block)` finds 1, 2 and 3 in these pieces.
    const text = ['Intro', '\n| Week 1 |\none', '\n~~Week 2~~\ntwo', '\n**Week 3**\nthree'].join(
      '#*#',
    );
    for (const headers of ['sgt', 'lenient'] as const) {
      const { segments } = segmentDocument({
        text,
        unit: 'Week',
        separator: '#*#',
        segments: 3,
        headers,
      });
      expect(segments.map((segment) => [segment.number, segment.words])).toEqual([
        [1, 1],
        [2, 1],
        [3, 1],
      ]);
    }
  });

  it('reads a unit with pattern characters literally, and sorts segments by number', () => {
    const text = '## Q.A 2\nsecond\n## QxA 3\nnot a header\n## Q.A 1\nfirst';
    const { segments } = segmentDocument({ text, unit: 'Q.A', segments: 3 });
    expect(segments.map((segment) => [segment.number, segment.start])).toEqual([
      [1, text.indexOf('## Q.A 1')],
      [2, 0],
    ]);
    expect(segments[1]?.text).toBe('## Q.A 2\nsecond\n## QxA 3\nnot a header\n');
  });

  it('matches a lenient unit of several words with any spacing, but not inside a word', () => {
    const text = [
      '',
      ' menu   WEEK 1:\nsoup',
      ' Menu Week 2:\nstew',
      ' Midmenu week 3:\nnot this one',
    ].join('#*#');
    const { segments, problems } = segmentDocument({
      text,
      unit: 'Menu Week',
      separator: '#*#',
      segments: 5,
      headers: 'lenient',
    });
    expect(segments.map((segment) => segment.number)).toEqual([1, 2]);
    expect(problems).toEqual([{ kind: 'unnumbered', offset: text.indexOf(' Midmenu') }]);
  });

  it('counts the words after the header line of a separated piece, the header line wherever it starts', () => {
    const text = '#*#\n\n  Week 1 (spring):\nthree words here\n#*# Week 2: a b\nc d';
    const { segments } = segmentDocument({ text, unit: 'Week', separator: '#*#', segments: 2 });
    expect(segments.map((segment) => [segment.number, segment.words])).toEqual([
      [1, 3],
      [2, 2],
    ]);
  });

  it('reports segment 0 and a piece without a number after the first numbered one, not blank ones', () => {
    const text = 'intro text\n#*# Week 0:\nzero\n#*# Week 1:\none\n#*#   \n#*# stray words\n#*#';
    const { segments, problems } = segmentDocument({
      text,
      unit: 'Week',
      separator: '#*#',
      segments: 2,
    });
    expect(segments.map((segment) => segment.number)).toEqual([1]);
    expect(segments[0]).toMatchObject({
      start: text.indexOf(' Week 1'),
      end: text.indexOf('#*#   '),
    });
    expect(problems).toEqual([
      { kind: 'outOfRange', number: 0, offset: text.indexOf(' Week 0') },
      { kind: 'unnumbered', offset: text.indexOf(' stray') },
    ]);
  });

  it('reads a header on the last line, after a leading blank line, and only at the start of a line', () => {
    const text =
      '\nWeek 1\nNotes on Week 2: none\nWeek 3 was the #1 week\n  **Week 4** notes\nx\n## Week 12';
    const { segments, problems } = segmentDocument({ text, unit: 'Week', segments: 12 });
    expect(segments.map((segment) => [segment.number, segment.start])).toEqual([
      [1, 1],
      [4, text.indexOf('  **Week 4**')],
      [12, text.indexOf('## Week 12')],
    ]);
    expect(problems).toEqual([]);
  });

  it('finds the unit inside a longer label as SGT does, and trims a lenient unit', () => {
    const text = '#*# Menu Week 5:\nsoup\n#*# Week 6\nstew with beans\n#*# SchoolWeek 7:\nexams';
    expect(
      segmentDocument({ text, unit: 'Week', separator: '#*#', segments: 9 }).segments.map(
        (segment) => [segment.number, segment.words],
      ),
    ).toEqual([
      [5, 1],
      [6, 3],
      [7, 1],
    ]);
    const lenient = segmentDocument({
      text,
      unit: ' menu  week ',
      separator: '#*#',
      segments: 9,
      headers: 'lenient',
    });
    expect(lenient.segments.map((segment) => segment.number)).toEqual([5]);
  });

  it('needs a unit or a separator', () => {
    expect(() => segmentDocument({ text: 'x', segments: 1 })).toThrow(InvalidOptionError);
    expect(() => segmentDocument({ text: 'x', segments: 1 })).toThrow(
      'Option "unit" must be given when there is no separator, got undefined.',
    );
  });
});
