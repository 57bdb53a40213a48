import { describe, expect, it } from 'vitest';
import { PrefixCache } from '../../src/sim/prefix-cache.js';
import { estimateTokens } from '../../src/util/estimate-tokens.js';

/** Text whose token estimate grows by one every four characters. */
function asciiText(tokens: number, seed: string): string {
  return `${seed} `.repeat(Math.ceil((tokens * 4) / (seed.length + 1))).slice(0, tokens * 4);
}

describe('PrefixCache', () => {
  it('caches nothing for a prompt seen for the first time or shorter than 1,024 tokens', () => {
    const cache = new PrefixCache();
    const short = asciiText(1000, 'tide');
    expect(cache.lookupAndStore(short)).toBe(0);
    expect(cache.lookupAndStore(short)).toBe(0);
    expect(cache.lookupAndStore(asciiText(3000, 'moss'))).toBe(0);
  });

  it('reports the longest shared prefix in whole blocks: 1,024 tokens, then steps of 128', () => {
    const cache = new PrefixCache();
    const shared = asciiText(1500, 'harbor');
    cache.lookupAndStore(`${shared}${asciiText(500, 'first')}`);
    // 1,500 shared tokens hold the 1,024 block and three 128-token steps (1,408); 1,536 is not whole.
    expect(cache.lookupAndStore(`${shared}${asciiText(500, 'second')}`)).toBe(1408);
    const whole = `${shared}${asciiText(500, 'second')}`;
    expect(cache.lookupAndStore(whole)).toBe(1920);
    expect(estimateTokens(whole)).toBe(2000);
  });

  it('counts CJK characters one token each, as estimateTokens does', () => {
    const cache = new PrefixCache();
    const prompt = `${'城市园林的历史与未来'.repeat(150)}${asciiText(200, 'garden')}`;
    cache.lookupAndStore(prompt);
    const tokens = estimateTokens(prompt);
    expect(cache.lookupAndStore(prompt)).toBe(1024 + Math.floor((tokens - 1024) / 128) * 128);
  });

  it('places block ends where estimateTokens of the prefix reaches them', () => {
    const cache = new PrefixCache({ minimumTokens: 8, stepTokens: 4 });
    const prompt = 'mixed 文字 and kana かな with 한글 and plain words, repeated. '.repeat(20);
    cache.lookupAndStore(prompt);
    for (let end = 0; end <= prompt.length; end += 7) {
      const prefix = prompt.slice(0, end);
      const tokens = estimateTokens(prefix);
      const expected = tokens < 8 ? 0 : 8 + Math.floor((tokens - 8) / 4) * 4;
      expect(new PrefixCache({ minimumTokens: 8, stepTokens: 4 }).lookupAndStore(prefix)).toBe(0);
      expect(cache.lookupAndStore(prefix), `prefix of ${end} characters`).toBe(expected);
    }
  });

  it('forgets the least recently used blocks past its capacity', () => {
    const cache = new PrefixCache({ minimumTokens: 4, stepTokens: 4, capacity: 1 });
    cache.lookupAndStore('aaaaaaaaaaaaaaaa');
    expect(cache.lookupAndStore('aaaaaaaaaaaaaaaa')).toBe(4);
    cache.lookupAndStore('bbbbbbbbbbbbbbbb');
    expect(cache.lookupAndStore('aaaaaaaaaaaaaaaa')).toBe(0);
  });
});

describe('PrefixCache on prompts past its largest block', () => {
  it('caches at most maximumTokens, so one huge prompt costs bounded work', () => {
    const cache = new PrefixCache({ maximumTokens: 2_048 });
    const huge = asciiText(50_000, 'estuary');
    expect(cache.lookupAndStore(huge)).toBe(0);
    expect(cache.lookupAndStore(huge)).toBe(2_048);
  });
});
