import { estimateCounter, type TokenCounter, type TokenizerName } from './token-counter.js';

/** The longest piece handed to the BPE at once: its cost grows with the square of a piece. */
const pieceChars = 1_000;

const loaded = new Map<TokenizerName, Promise<TokenCounter>>();

/**
 * The counter for a vocabulary. OpenAI encodings come from `gpt-tokenizer`, loaded on first use
 * (its tables take a moment to read) and shared by every caller after. Special-token text such
 * as `<|endoftext|>` in a prompt is counted as ordinary text, as the API does.
 */
export function loadTokenCounter(name: TokenizerName): Promise<TokenCounter> {
  if (name === 'quire-estimate') return Promise.resolve(estimateCounter);
  let counter = loaded.get(name);
  if (counter === undefined) {
    counter = importEncoding(name).then((countTokens) => ({
      name,
      count: (text: string) => countInPieces(text, countTokens),
      lowestRatio: () => 1,
    }));
    loaded.set(name, counter);
  }
  return counter;
}

type CountTokens = (text: string, options: { disallowedSpecial: Set<string> }) => number;

async function importEncoding(name: Exclude<TokenizerName, 'quire-estimate'>) {
  const module =
    name === 'o200k_base'
      ? await import('gpt-tokenizer/encoding/o200k_base')
      : await import('gpt-tokenizer/encoding/cl100k_base');
  return module.countTokens as CountTokens;
}

/**
 * Counts a text piece by piece, each cut after whitespace where one is near: a long run without
 * spaces (Chinese prose, base64) would otherwise take seconds. A cut costs at most a token.
 */
function countInPieces(text: string, countTokens: CountTokens): number {
  const options = { disallowedSpecial: new Set<string>() };
  let total = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + pieceChars);
    if (end < text.length) {
      const space = Math.max(text.lastIndexOf(' ', end), text.lastIndexOf('\n', end));
      if (space > start + pieceChars / 2) end = space + 1;
    }
    total += countTokens(text.slice(start, end), options);
    start = end;
  }
  return total;
}
