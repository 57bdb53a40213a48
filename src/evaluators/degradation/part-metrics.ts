import { parseMarkdown } from '../../markdown/parse-markdown.js';
import { distinctNgrams } from '../repetition/distinct-ngrams.js';
import { functionWords } from '../repetition/function-words.js';
import { tokenizeText } from '../repetition/tokenize-text.js';

/** The rule-based measures of one part of a document. */
export interface PartMetrics {
  tokens: number;
  /** Mean distinct-1 over the part's 200-token windows (null under 50 tokens). */
  distinct1: number | null;
  /** Mean distinct-2 over the same windows. */
  distinct2: number | null;
  /** Mean rep-4 (1 − distinct-4) over the same windows. */
  rep4: number | null;
  /** Share of tokens that are function words. */
  functionShare: number | null;
  /** Tokens per sentence (sentences end at . ! ? 。 ！ ？). */
  sentenceLength: number | null;
}

/** Tokens per window: distinct-n falls as a text grows, so parts are compared at one size. */
const windowTokens = 200;
const minimumTokens = 50;

/**
 * Measures one part: distinct-1, distinct-2 and rep-4 as means over windows of 200 tokens (so
 * a long part is not marked down for its length), the share of function words and the mean
 * sentence length. Closed code fences are left out. Pure.
 */
export function partMetrics(text: string): PartMetrics {
  const { ids, vocabulary } = tokenizeText({ text, skip: parseMarkdown(text).fences });
  if (ids.length < minimumTokens) {
    return {
      tokens: ids.length,
      distinct1: null,
      distinct2: null,
      rep4: null,
      functionShare: null,
      sentenceLength: null,
    };
  }
  const windows: Array<[number, number]> = [];
  for (let start = 0; start < ids.length; start += windowTokens) {
    const end = Math.min(ids.length, start + windowTokens);
    // A short tail joins the window before it.
    if (end - start < windowTokens && windows.length > 0) {
      const last = windows.at(-1);
      if (last) last[1] = end;
    } else {
      windows.push([start, end]);
    }
  }
  const mean = (n: number) =>
    windows.reduce((sum, [start, end]) => sum + distinctNgrams({ ids, n, start, end }).ratio, 0) /
    windows.length;
  let functionTokens = 0;
  for (const id of ids) functionTokens += functionWords.has(vocabulary[id] ?? '') ? 1 : 0;
  const sentences = Math.max(1, (text.match(/[.!?。！？]+(?=\s|$|["'”’)\]])/gu) ?? []).length);
  return {
    tokens: ids.length,
    distinct1: mean(1),
    distinct2: mean(2),
    rep4: 1 - mean(4),
    functionShare: functionTokens / ids.length,
    sentenceLength: ids.length / sentences,
  };
}
