import { describe, expect, it } from 'vitest';
import { formatTokens } from '../../../src/model/context/format-tokens.js';

describe('formatTokens', () => {
  it('separates thousands, and says so when the count is unknown', () => {
    expect(formatTokens(131_072)).toBe('131,072');
    expect(formatTokens(undefined)).toBe('an unknown number of');
  });
});
