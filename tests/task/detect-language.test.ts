import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/task/detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['Write a guide to tides', 'en'],
    ['写一篇关于长江的文章', 'zh'],
    ['用英文写一篇不少于4000字的文章，介绍长城', 'en'],
    ['Write about 长城 and its history in detail', 'en'],
    ['Please write in Chinese about tea', 'zh'],
  ])('%s → %s', (prompt, expected) => {
    expect(detectLanguage(prompt)).toBe(expected);
  });
});
