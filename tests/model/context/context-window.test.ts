import { describe, expect, it } from 'vitest';
import {
  ContextWindow,
  type ContextWindowState,
} from '../../../src/model/context/context-window.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';

function windowOf(state: ContextWindowState) {
  const learned: Array<{ state: ContextWindowState; reason: string }> = [];
  const window = new ContextWindow({
    state,
    counter: estimateCounter,
    onLearn: (next, reason) => learned.push({ state: next, reason }),
  });
  return { window, learned };
}

describe('ContextWindow', () => {
  it('fills at most 95% of the window, scaled by how the server counts', () => {
    const { window } = windowOf({ tokens: 2_000, source: 'config' });
    expect(window.budget()).toBe(1_900);
    // The server counts 25% more tokens than quire: quire's budget shrinks to match.
    window.checkPrompt({ sentTokens: 800, reportedTokens: 1_000, lowestRatio: 0.8 });
    expect(window.budget()).toBe(1_520);
  });

  it('fits a reply limit beside a prompt, or says nothing fits', () => {
    const { window } = windowOf({ tokens: 2_000, source: 'config' });
    expect(window.fit({ sentTokens: 1_000, outputTokens: 2_000 })).toEqual({
      fits: true,
      outputTokens: 900,
    });
    expect(window.fit({ sentTokens: 1_000, outputTokens: 500 })).toEqual({
      fits: true,
      outputTokens: 500,
    });
    expect(window.fit({ sentTokens: 1_000, outputTokens: undefined })).toEqual({
      fits: true,
      outputTokens: undefined,
    });
    expect(window.fit({ sentTokens: 1_850, outputTokens: 500 })).toEqual({
      fits: false,
      room: 50,
    });
  });

  it('takes a prompt counted far below what was sent for a cut one, and learns the window', () => {
    const { window, learned } = windowOf({ tokens: 128_000, source: 'assumed' });
    expect(window.checkPrompt({ sentTokens: 1_000, reportedTokens: 990, lowestRatio: 1 })).toBe(
      'whole',
    );
    expect(window.checkPrompt({ sentTokens: 5_000, reportedTokens: 3_000, lowestRatio: 1 })).toBe(
      'truncated',
    );
    expect(window.state).toEqual({ tokens: 3_000, source: 'truncation', server: undefined });
    expect(learned[0]?.reason).toContain(
      'counted 3,000 prompt tokens where quire sent about 5,000',
    );
  });

  it('never takes a gguf: model for one that cut its prompt: that runtime refuses instead', () => {
    const { window, learned } = windowOf({ tokens: 8_192, source: 'gguf file', server: 'gguf' });
    expect(window.checkPrompt({ sentTokens: 4_800, reportedTokens: 3_840, lowestRatio: 1 })).toBe(
      'whole',
    );
    expect(learned).toEqual([]);
    // Its count still calibrates: quire counted 25% more than the model, so its budget grows.
    expect(window.budget()).toBe(Math.floor((8_192 * 0.95) / 0.8));
  });

  it('allows an estimate to overcount, most for CJK text, until the server has been seen', () => {
    const { window } = windowOf({ tokens: 128_000, source: 'assumed' });
    // A real vocabulary packs Chinese tighter than one token a character: not a cut.
    expect(window.checkPrompt({ sentTokens: 1_000, reportedTokens: 600, lowestRatio: 0.55 })).toBe(
      'whole',
    );
    // Seen once, the server's ratio (0.6) is what is expected from then on.
    expect(
      window.checkPrompt({ sentTokens: 2_000, reportedTokens: 1_150, lowestRatio: 0.55 }),
    ).toBe('whole');
    expect(
      window.checkPrompt({ sentTokens: 4_000, reportedTokens: 1_700, lowestRatio: 0.55 }),
    ).toBe('truncated');
  });

  it('catches a small cut to a round count, as Ollama cuts to exactly num_ctx', () => {
    const { window } = windowOf({ tokens: 4_096, source: 'ollama default', server: 'ollama' });
    window.checkPrompt({ sentTokens: 1_000, reportedTokens: 1_003, lowestRatio: 0.8 });
    expect(window.checkPrompt({ sentTokens: 2_100, reportedTokens: 2_047, lowestRatio: 0.8 })).toBe(
      'whole',
    );
    expect(window.checkPrompt({ sentTokens: 2_300, reportedTokens: 2_048, lowestRatio: 0.8 })).toBe(
      'truncated',
    );
    expect(window.state).toEqual({ tokens: 2_048, source: 'truncation', server: 'ollama' });
  });

  it('does not judge servers that count nothing, or prompts too short to tell', () => {
    const { window, learned } = windowOf({ tokens: 128_000, source: 'assumed' });
    expect(window.checkPrompt({ sentTokens: 3_000, reportedTokens: 0, lowestRatio: 1 })).toBe(
      'whole',
    );
    expect(window.checkPrompt({ sentTokens: 200, reportedTokens: 10, lowestRatio: 1 })).toBe(
      'whole',
    );
    expect(learned).toEqual([]);
  });

  it('learns from a refusal: the window it names, else a quarter less than was refused', () => {
    const named = windowOf({ tokens: 128_000, source: 'assumed' });
    named.window.learnFromRefusal({
      overflow: {
        server: 'vllm',
        windowTokens: 4_096,
        promptTokens: 5_500,
        outputTokens: undefined,
      },
      sentTokens: 5_000,
    });
    expect(named.window.state).toEqual({ tokens: 4_096, source: 'refusal', server: 'vllm' });
    // The server counted 10% more than quire: the budget in quire's tokens is smaller for it.
    expect(named.window.budget()).toBe(Math.floor((4_096 * 0.95) / 1.1));

    const unnamed = windowOf({ tokens: 128_000, source: 'assumed' });
    unnamed.window.learnFromRefusal({
      overflow: {
        server: 'llama.cpp',
        windowTokens: undefined,
        promptTokens: undefined,
        outputTokens: undefined,
      },
      sentTokens: 4_000,
    });
    expect(unnamed.window.state.tokens).toBe(3_000);
    expect(unnamed.learned[0]?.reason).toContain('without saying its window');
  });
});
