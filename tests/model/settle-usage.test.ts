import type { LanguageModelUsage } from 'ai';
import { describe, expect, it } from 'vitest';
import { settleUsage } from '../../src/model/settle-usage.js';
import { estimateCounter } from '../../src/model/tokens/token-counter.js';
import { addUsage, UsageMeter } from '../../src/model/usage-meter.js';

function reported(
  input: number | undefined,
  output: number | undefined,
  reasoning?: number,
): LanguageModelUsage {
  return {
    inputTokens: input,
    outputTokens: output,
    totalTokens: undefined,
    inputTokenDetails: {
      noCacheTokens: undefined,
      cacheReadTokens: 3,
      cacheWriteTokens: undefined,
    },
    outputTokenDetails: { textTokens: undefined, reasoningTokens: reasoning },
  };
}

describe('settleUsage', () => {
  it("keeps the server's counts when it reports them", () => {
    const usage = settleUsage({
      reported: reported(120, 40),
      sentTokens: 999,
      replyText: 'x',
      counter: estimateCounter,
    });
    expect(usage).toEqual({
      inputTokens: 120,
      outputTokens: 40,
      cachedInputTokens: 3,
      reasoningTokens: 0,
    });
    const thought = settleUsage({
      reported: reported(120, 40, 25),
      sentTokens: 999,
      replyText: 'x',
      reasoning: 'b'.repeat(400),
      counter: estimateCounter,
    });
    expect(thought).toEqual({
      inputTokens: 120,
      outputTokens: 40,
      cachedInputTokens: 3,
      reasoningTokens: 25,
    });
  });

  it('counts what the server left out, and says so', () => {
    const usage = settleUsage({
      reported: reported(undefined, undefined),
      sentTokens: 250,
      replyText: 'a'.repeat(400),
      counter: estimateCounter,
    });
    expect(usage).toEqual({
      inputTokens: 250,
      outputTokens: 100,
      cachedInputTokens: 3,
      reasoningTokens: 0,
      estimated: { calls: 1, tokenizer: 'quire-estimate' },
    });
    const partial = settleUsage({
      reported: reported(120, undefined),
      sentTokens: 250,
      replyText: 'a'.repeat(40),
      counter: estimateCounter,
    });
    expect(partial).toMatchObject({ inputTokens: 120, outputTokens: 10, estimated: { calls: 1 } });
  });

  it('counts the thinking a server sent apart as output and as reasoning, when it reported none', () => {
    const usage = settleUsage({
      reported: reported(undefined, undefined),
      sentTokens: 250,
      replyText: 'a'.repeat(400),
      reasoning: 'b'.repeat(200),
      counter: estimateCounter,
    });
    expect(usage).toMatchObject({
      outputTokens: 150,
      reasoningTokens: 50,
      estimated: { calls: 1, tokenizer: 'quire-estimate' },
    });
  });
  it('counts a reply with no usage at all, and keeps the counts the server did give', () => {
    expect(
      settleUsage({
        reported: undefined,
        sentTokens: 30,
        replyText: 'a'.repeat(40),
        counter: estimateCounter,
      }),
    ).toEqual({
      inputTokens: 30,
      outputTokens: 10,
      cachedInputTokens: 0,
      reasoningTokens: 0,
      estimated: { calls: 1, tokenizer: 'quire-estimate' },
    });
    expect(
      settleUsage({
        reported: reported(undefined, 70, 20),
        sentTokens: 30,
        replyText: 'a'.repeat(40),
        reasoning: 'b'.repeat(400),
        counter: estimateCounter,
      }),
    ).toMatchObject({ inputTokens: 30, outputTokens: 70, reasoningTokens: 20 });
  });
});

describe('estimated usage in totals', () => {
  const estimated = {
    inputTokens: 10,
    outputTokens: 5,
    cachedInputTokens: 0,
    reasoningTokens: 0,
    estimated: { calls: 1, tokenizer: 'quire-estimate' },
  };

  it('adds up the replies quire counted', () => {
    const reportedUsage = {
      inputTokens: 1,
      outputTokens: 1,
      cachedInputTokens: 0,
      reasoningTokens: 0,
    };
    expect(addUsage(estimated, estimated).estimated).toEqual({
      calls: 2,
      tokenizer: 'quire-estimate',
    });
    expect(addUsage(reportedUsage, reportedUsage)).not.toHaveProperty('estimated');
    expect(addUsage(reportedUsage, estimated).estimated?.calls).toBe(1);
  });

  it('warns once, on the first estimated record', () => {
    const warnings: string[] = [];
    const meter = new UsageMeter(
      {},
      { onFirstEstimate: ({ tokenizer }) => warnings.push(tokenizer) },
    );
    meter.record({
      usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, reasoningTokens: 0 },
    });
    meter.record({ usage: estimated });
    meter.record({ usage: estimated });
    expect(warnings).toEqual(['quire-estimate']);
    expect(meter.totals()).toMatchObject({ inputTokens: 21, estimated: { calls: 2 } });
  });
});
