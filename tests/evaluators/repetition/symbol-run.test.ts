import { describe, expect, it } from 'vitest';
import { longestSymbolRun } from '../../../src/evaluators/repetition/symbol-run.js';

describe('longestSymbolRun', () => {
  it('finds the longest stretch of symbols, spaces between them allowed', () => {
    expect(longestSymbolRun({ text: 'word ** -- ** word ...' })).toEqual({
      symbols: 6,
      start: 5,
      end: 13,
      distinct: ['*', '-'],
    });
  });

  it('counts an emoji as one symbol of two code units, joiners and spaces as nothing', () => {
    expect(longestSymbolRun({ text: 'a 💧\u200d💧 💧 b' })).toEqual({
      symbols: 3,
      start: 2,
      end: 10,
      distinct: ['💧'],
    });
  });

  it('lists the first twelve different symbols only', () => {
    const run = longestSymbolRun({ text: 'a !"#$%&()*+,-./:;<=>?@[]^{|}~ b' });
    expect(run).toMatchObject({ symbols: 28, start: 2, end: 30 });
    expect(run.distinct).toEqual(['!', '"', '#', '$', '%', '&', '(', ')', '*', '+', ',', '-']);
  });

  it('ends a stretch at a letter, a digit or an underscore of any script, and keeps the first of equal ones', () => {
    expect(longestSymbolRun({ text: '** _ ** 7 ** é ** 中 **' })).toEqual({
      symbols: 2,
      start: 0,
      end: 2,
      distinct: ['*'],
    });
  });

  it('leaves skipped ranges out, ending the stretch there', () => {
    expect(longestSymbolRun({ text: 'x ***** y ## z', skip: [[2, 5]] })).toEqual({
      symbols: 2,
      start: 5,
      end: 7,
      distinct: ['*'],
    });
    expect(longestSymbolRun({ text: '** ***', skip: [[3, 6]] }).symbols).toBe(2);
    expect(
      longestSymbolRun({
        text: '-- a ---- b ------ c',
        skip: [
          [5, 9],
          [12, 18],
        ],
      }).symbols,
    ).toBe(2);
    expect(
      longestSymbolRun({
        text: '-- a ---- b -- c',
        skip: [
          [5, 9],
          [12, 14],
        ],
      }).symbols,
    ).toBe(2);
  });

  it('finds nothing in plain words', () => {
    expect(longestSymbolRun({ text: 'plain words only' })).toEqual({
      symbols: 0,
      start: 0,
      end: 0,
      distinct: [],
    });
  });
});
