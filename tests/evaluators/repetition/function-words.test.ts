import { describe, expect, it } from 'vitest';
import { functionWords } from '../../../src/evaluators/repetition/function-words.js';

describe('functionWords', () => {
  it('holds lower-case English function words, from the first to the last of the list', () => {
    for (const word of ['a', 'the', 'and', 'because', 'been', 'of', 'would', 'yourselves'])
      expect(functionWords.has(word)).toBe(true);
    expect(functionWords.has('The')).toBe(false);
  });

  it('holds single Chinese function characters', () => {
    for (const character of ['的', '了', '是', '们', '啊'])
      expect(functionWords.has(character)).toBe(true);
    expect(functionWords.has('的了')).toBe(false);
  });

  it('holds no content word, no blank and no whitespace', () => {
    for (const token of ['river', 'committee', '河', '', ' ', '\n'])
      expect(functionWords.has(token)).toBe(false);
  });
});
