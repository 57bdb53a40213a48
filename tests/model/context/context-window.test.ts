import { describe, expect, it } from 'vitest';
import {
  ContextWindow,
  type ContextWindowState,
  ContextWindowStateSchema,
} from '../../../src/model/context/context-window.js';
import type { ContextOverflow } from '../../../src/model/context/parse-context-overflow.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';

/** A refusal that says only `fields`. */
function overflowOf(
  fields: Partial<ContextOverflow> & Pick<ContextOverflow, 'server'>,
): ContextOverflow {
  return { windowTokens: undefined, promptTokens: undefined, outputTokens: undefined, ...fields };
}

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

  it('fits a prompt that leaves exactly the shortest reply worth asking for', () => {
    const { window } = windowOf({ tokens: 2_000, source: 'config' });
    expect(window.fit({ sentTokens: 1_772, outputTokens: 500 })).toEqual({
      fits: true,
      outputTokens: 128,
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
      overflow: overflowOf({ server: 'vllm', windowTokens: 4_096, promptTokens: 5_500 }),
      sentTokens: 5_000,
    });
    expect(named.window.state).toEqual({ tokens: 4_096, source: 'refusal', server: 'vllm' });
    expect(named.learned[0]?.reason).toBe(
      'the server refused a request as longer than its 4,096-token window',
    );
    // The server counted 10% more than quire: the budget in quire's tokens is smaller for it.
    expect(named.window.budget()).toBe(Math.floor((4_096 * 0.95) / 1.1));

    const unnamed = windowOf({ tokens: 128_000, source: 'assumed' });
    unnamed.window.learnFromRefusal({
      overflow: overflowOf({ server: 'llama.cpp' }),
      sentTokens: 4_000,
    });
    expect(unnamed.window.state.tokens).toBe(3_000);
    expect(unnamed.learned[0]?.reason).toContain('without saying its window');
  });

  it('counts the reply limit into what was refused, and the server ratio into the prompt', () => {
    const withReply = windowOf({ tokens: 128_000, source: 'assumed' });
    withReply.window.learnFromRefusal({
      overflow: overflowOf({ server: 'openai', promptTokens: 3_000, outputTokens: 1_000 }),
      sentTokens: 3_000,
    });
    expect(withReply.window.state.tokens).toBe(3_000);

    // Seen counting 25% more than quire, the server is taken to have refused 5,000 tokens.
    const calibrated = windowOf({ tokens: 128_000, source: 'assumed' });
    calibrated.window.checkPrompt({ sentTokens: 800, reportedTokens: 1_000, lowestRatio: 0.8 });
    calibrated.window.learnFromRefusal({
      overflow: overflowOf({ server: 'llama.cpp' }),
      sentTokens: 4_000,
    });
    expect(calibrated.window.state.tokens).toBe(3_750);
  });

  it('learns no ratio from a refusal that counts the prompt as 0 tokens', () => {
    const { window } = windowOf({ tokens: 128_000, source: 'assumed' });
    window.learnFromRefusal({
      overflow: overflowOf({ server: 'llama.cpp', windowTokens: 4_096, promptTokens: 0 }),
      sentTokens: 3_000,
    });
    expect(window.budget()).toBe(Math.floor(4_096 * 0.95));
  });

  it('judges a count at the smallest window and at the edge of the tolerance', () => {
    const { window } = windowOf({ tokens: 128_000, source: 'assumed' });
    // 512 tokens is a window some servers run: a count of it is judged, and is a cut here.
    expect(window.checkPrompt({ sentTokens: 2_000, reportedTokens: 512, lowestRatio: 1 })).toBe(
      'truncated',
    );
    const edge = windowOf({ tokens: 128_000, source: 'assumed' });
    // Exactly 20% below quire's count is still a whole prompt.
    expect(
      edge.window.checkPrompt({ sentTokens: 1_000, reportedTokens: 800, lowestRatio: 1 }),
    ).toBe('whole');
  });

  it('judges and calibrates from prompts of 256 tokens up, never shorter ones', () => {
    const { window } = windowOf({ tokens: 2_000, source: 'config' });
    // A 200-token prompt says nothing of the ratio, however the server counted it.
    expect(window.checkPrompt({ sentTokens: 200, reportedTokens: 600, lowestRatio: 1 })).toBe(
      'whole',
    );
    expect(window.budget()).toBe(1_900);
    // A 256-token one does: the server counts 2.5 times what quire does.
    expect(window.checkPrompt({ sentTokens: 256, reportedTokens: 640, lowestRatio: 1 })).toBe(
      'whole',
    );
    expect(window.budget()).toBe(760);

    const tripled = windowOf({ tokens: 128_000, source: 'assumed' });
    tripled.window.checkPrompt({ sentTokens: 1_000, reportedTokens: 3_000, lowestRatio: 1 });
    expect(
      tripled.window.checkPrompt({ sentTokens: 255, reportedTokens: 600, lowestRatio: 1 }),
    ).toBe('whole');
    expect(
      tripled.window.checkPrompt({ sentTokens: 256, reportedTokens: 600, lowestRatio: 1 }),
    ).toBe('truncated');
  });

  it('tells onLearn only of a change of size or server, and needs no onLearn', () => {
    const { window, learned } = windowOf({ tokens: 4_096, source: 'config' });
    window.learn({ tokens: 4_096, source: 'refusal', reason: 'the same window' });
    expect(learned).toEqual([]);
    window.learn({ tokens: 4_096, source: 'refusal', server: 'vllm', reason: 'now its server' });
    expect(learned).toEqual([
      { state: { tokens: 4_096, source: 'refusal', server: 'vllm' }, reason: 'now its server' },
    ]);

    const unheard = new ContextWindow({
      state: { tokens: 4_096, source: 'config' },
      counter: estimateCounter,
    });
    unheard.learn({ tokens: 2_048, source: 'truncation', reason: 'a cut prompt' });
    expect(unheard.state).toEqual({ tokens: 2_048, source: 'truncation', server: undefined });
  });
});

describe('ContextWindowStateSchema', () => {
  it('reads back a window as run.json records it, and rejects a malformed one', () => {
    const state: ContextWindowState = { tokens: 4_096, source: 'refusal', server: 'vllm' };
    expect(ContextWindowStateSchema.parse(state)).toEqual(state);
    expect(ContextWindowStateSchema.safeParse({ ...state, tokens: 0 }).success).toBe(false);
    expect(ContextWindowStateSchema.safeParse({ ...state, source: 'guessed' }).success).toBe(false);
  });
});
