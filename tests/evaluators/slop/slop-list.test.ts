import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  defaultSlopListPath,
  SlopListSchema,
  shippedSlopList,
} from '../../../src/evaluators/slop/slop-list.js';

const validList = {
  name: 'test-list',
  description: 'Phrases for a test.',
  source: 'This test.',
  phrases: ['delve'],
};

describe('shippedSlopList', () => {
  it('reads evals/slop-phrases.json once', async () => {
    expect(defaultSlopListPath.endsWith('/evals/slop-phrases.json')).toBe(true);
    const list = shippedSlopList();
    expect(shippedSlopList()).toBe(list);
    expect(list).toEqual(JSON.parse(await readFile(defaultSlopListPath, 'utf8')));
  });
});

describe('SlopListSchema', () => {
  it.each([
    ['an empty name', { name: '' }],
    ['an empty description', { description: '' }],
    ['an empty source', { source: '' }],
    ['no phrases', { phrases: [] }],
    ['a blank phrase', { phrases: ['delve', '  '] }],
    ['a key it does not know', { weights: [1] }],
  ])('refuses a list with %s', (_name, change) => {
    expect(SlopListSchema.safeParse(validList).success).toBe(true);
    expect(SlopListSchema.safeParse({ ...validList, ...change }).success).toBe(false);
  });
});
