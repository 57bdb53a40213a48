/** Thresholds and sizes of the repetition evaluator. */
export interface RepetitionOptions {
  /** Tokens per window for windowed distinct-1/2 and rep-4. */
  windowTokens: number;
  /** Tokens per sliding window of the late-collapse check (slides by half of it). */
  collapseWindowTokens: number;
  /** Tokens per shingle for near-duplicate paragraphs. */
  shingleSize: number;
  /** Jaccard similarity at which two paragraphs are near duplicates. */
  nearDuplicateThreshold: number;
  /** Near-duplicate pairs listed in the report and as findings, most similar first. */
  reportedPairs: number;
  /** A window whose rep-4 reaches this is flagged. */
  windowRep4Warning: number;
  /** A loop of a short pattern repeated at least this many times… */
  loopMinRepeats: number;
  /** …and covering at least this many tokens is flagged. */
  loopMinTokens: number;
  /** One token repeated back to back this many times is flagged. */
  tokenRunWarning: number;
  /** A compression ratio at or above this is flagged. */
  compressionWarning: number;
  /** Tokens per window of the repeated-stretch check (loops of any period). */
  stretchWindowTokens: number;
  /** A stretch of at least this many tokens that only repeats earlier text is an error. */
  stretchMinTokens: number;
  /** A stretch of at least this many symbols and no word (punctuation, markup, emoji) is an error. */
  symbolRunError: number;
  /** Whole-text rep-4 above this is an error; 1 turns the rule off. */
  maxRep4: number;
}

/**
 * The defaults, all together. Calibrated on human prose: windows of 500 words rarely pass
 * rep-4 0.15, loops stay under 3 repeats, one token rarely repeats more than 4 times in a row,
 * and Brotli compresses prose 3–4.7 to 1. The error thresholds (loops, repeated stretches,
 * symbol runs, collapse) were checked on about 21,000 real model answers of HelloBench: they
 * mark the looping ones and leave the clean, list-like, mathematical and cited ones alone.
 */
export const defaultRepetitionOptions: RepetitionOptions = {
  windowTokens: 500,
  collapseWindowTokens: 400,
  shingleSize: 5,
  nearDuplicateThreshold: 0.5,
  reportedPairs: 10,
  windowRep4Warning: 0.3,
  loopMinRepeats: 4,
  loopMinTokens: 20,
  tokenRunWarning: 8,
  compressionWarning: 5.5,
  stretchWindowTokens: 200,
  stretchMinTokens: 200,
  symbolRunError: 120,
  maxRep4: 1,
};
