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
  });
});
