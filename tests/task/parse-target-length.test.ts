import { describe, expect, it } from 'vitest';
import { parseTargetLength } from '../../src/task/parse-target-length.js';

const parse = (prompt: string) => parseTargetLength({ prompt, wordsPerPage: 500 });

describe('parseTargetLength', () => {
  it.each([
    ['Write a 10,000-word guide to sourdough', 10_000, 'words'],
    ['an essay of 5000 words on rivers', 5_000, 'words'],
    ['Write 10k words about Rome', 10_000, 'words'],
    ['a 20 000 word report', 20_000, 'words'],
    ['a 1.5k-word brief', 1_500, 'words'],
    ['写一篇不少于4000字的文章', 4_000, 'characters'],
    ['请写一篇5000个字的小说', 5_000, 'characters'],
    ['写一篇1万字的报告', 10_000, 'characters'],
    ['a 50-page novel', 25_000, 'pages'],
    ['Write 3 pages on tides', 1_500, 'pages'],
    ['a 20,000-word report with 500-word sections', 20_000, 'words'],
  ])('%s → %i %s', (prompt, words, unit) => {
    expect(parse(prompt)).toMatchObject({ words, unit });
  });

  it.each([['Write about the sea'], ['Summarise the 3 laws of motion'], ['in 2024 and 2025']])(
    'finds no length in %s',
    (prompt) => {
      expect(parse(prompt)).toBeUndefined();
    },
  );
});
