import { countDenseCharacters, estimateTokens } from '../../util/estimate-tokens.js';

/**
 * The vocabularies quire can count in: OpenAI's two current BPE encodings (exact for OpenAI
 * models), or `quire-estimate`, quire's own rule of thumb for every other model (one token per
 * CJK character, one per four other characters).
 */
export type TokenizerName = 'o200k_base' | 'cl100k_base' | 'quire-estimate';

/**
 * Counts the tokens of a text in one vocabulary. This interface is the seam for other
 * tokenizers: an embedded model's own (GGUF) tokenizer is one more implementation of it.
 */
export interface TokenCounter {
  /** The vocabulary; `gguf` for an embedded model's own tokenizer. */
  readonly name: TokenizerName | 'gguf';
  count(text: string): number;
  /**
   * The lowest share of this counter's count that a server's own tokenizer may report for a
   * prompt that arrived whole: 1 for the model's own vocabulary; lower for an estimate, and
   * lowest for CJK text, which real vocabularies pack tighter than one token a character.
   */
  lowestRatio(text: string): number;
}

/** quire's estimate, for models whose vocabulary no bundled tokenizer matches. */
export const estimateCounter: TokenCounter = {
  name: 'quire-estimate',
  count: estimateTokens,
  // English runs 3.5 to 5 characters a token in current vocabularies (0.8 of the estimate at
  // the tightest); Chinese runs 0.55 to 1 token a character.
  lowestRatio: (text) => 0.8 - 0.25 * (countDenseCharacters(text) / Math.max(1, text.length)),
};
