import { describe, expect, it } from 'vitest';
import { parallelSeams } from '../../../src/control/seams/parallel-seams.js';
import {
  edgeSentences,
  replaceOpening,
  sectionEnding,
  splitOpening,
} from '../../../src/control/seams/section-edges.js';
import { createPlan } from '../../helpers/builders.js';

const start = (sectionId: string, attempt = 1) => ({
  type: 'step-start',
  sectionId,
  action: 'write',
  attempt,
});
const end = (sectionId: string) => ({ type: 'step-end', sectionId });

describe('parallelSeams', () => {
  const plan = createPlan({ count: 4 });

  it('finds no seam in a run drafted one section after another', () => {
    const events = ['s001', 's002', 's003', 's004'].flatMap((id) => [start(id), end(id)]);
    expect(parallelSeams({ plan, events })).toEqual([]);
  });

  it('finds the sections started before the one before them was committed', () => {
    const events = [
      start('s001'),
      start('s002'),
      end('s001'),
      start('s003'),
      end('s002'),
      end('s003'),
      start('s004'),
      end('s004'),
    ];
    expect(parallelSeams({ plan, events })).toEqual([1, 2]);
  });

  it('judges a section drafted again after a resume by its last start', () => {
    const events = [
      start('s001'),
      start('s002'),
      { type: 'run-start' },
      start('s001'),
      end('s001'),
      start('s002'),
      start('s002', 2),
      end('s002'),
    ];
    expect(parallelSeams({ plan: createPlan({ count: 2 }), events })).toEqual([]);
  });

  it('judges a section by its first draft, not by its checks, retries and repairs after', () => {
    const events = [
      start('s001'),
      start('s002'),
      { type: 'run-warning', message: 'slow server' },
      end('s001'),
      { type: 'call-retry', sectionId: 's002', attempt: 1 },
      { type: 'check-end', sectionId: 's002', attempt: 1 },
      { type: 'step-start', sectionId: 's002', action: 'expand', attempt: 2 },
      start('s002', 3),
      end('s002'),
    ];
    expect(parallelSeams({ plan: createPlan({ count: 2 }), events })).toEqual([1]);
  });
});

describe('section edges', () => {
  const text = '## Heading\n\nFirst one. First two.\n\nMiddle.\n\nLast one. Last two. Last three.';

  it('cuts a section at its first paragraph of prose and puts a new opening there', () => {
    expect(splitOpening(text)).toEqual({
      head: '## Heading',
      opening: 'First one. First two.',
      rest: 'Middle.\n\nLast one. Last two. Last three.',
    });
    expect(replaceOpening({ text, opening: 'New start.' })).toBe(
      '## Heading\n\nNew start.\n\nMiddle.\n\nLast one. Last two. Last three.',
    );
  });

  it('reads the last paragraphs and the whole sentences at an edge within a word limit', () => {
    expect(sectionEnding({ text, count: 1 })).toBe('Last one. Last two. Last three.');
    const ending = sectionEnding({ text, count: 1 });
    expect(edgeSentences({ text: ending, end: 'end', maxWords: 4 })).toBe('Last two. Last three.');
    expect(edgeSentences({ text: ending, end: 'start', maxWords: 1 })).toBe('Last one.');
    expect(edgeSentences({ text: ending, end: 'start', maxWords: 4 })).toBe('Last one. Last two.');
  });

  it('reads the ending from prose paragraphs only, however blank lines are spaced', () => {
    const spaced = 'Opening.\n\n  Middle, in C#  \n \t\n## Next heading\n\nLast words.\n\n';
    expect(sectionEnding({ text: spaced })).toBe('Middle, in C#\n\nLast words.');
  });

  it('keeps at least one whole sentence of an edge that starts at a line break', () => {
    expect(
      edgeSentences({ text: '\nA long first sentence. Second.', end: 'start', maxWords: 2 }),
    ).toBe('A long first sentence.');
  });

  it('finds the opening past blank lines and headings, indented or stacked', () => {
    const text = '   \n\n# Title\n\n ## Part\n\nOpening words.  \n\nRest.';
    expect(splitOpening(text)).toEqual({
      head: '   \n\n# Title\n\n ## Part',
      opening: 'Opening words.',
      rest: 'Rest.',
    });
    expect(splitOpening('# Title\n\n## Part')).toEqual({
      head: '',
      opening: '',
      rest: '# Title\n\n## Part',
    });
  });

  it('puts a new opening in trimmed, leaving no blank tail', () => {
    expect(replaceOpening({ text: '## Part\n\nOld opening.\n\n  ', opening: '\nNew one.\n' })).toBe(
      '## Part\n\nNew one.',
    );
  });
});
