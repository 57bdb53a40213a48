import { describe, expect, it } from 'vitest';
import { ContextOverflowError } from '../../../src/errors/context-overflow-error.js';
import { ContextWindow } from '../../../src/model/context/context-window.js';
import { fitRequest } from '../../../src/model/context/fit-request.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import { scriptedModel } from '../../helpers/mock-model.js';

const model = scriptedModel([{ text: 'unused' }], 'llama3.1');
/** 4,000 characters: 1,000 tokens by quire's estimate, 1,007 with the message's framing. */
const prompt = 'tide '.repeat(800);

function llamaCppWindow(tokens: number) {
  return new ContextWindow({
    state: { tokens, source: 'llama.cpp /props', server: 'llama.cpp' },
    counter: estimateCounter,
  });
}

describe('fitRequest', () => {
  it('lowers the reply limit to what the window leaves beside the prompt', async () => {
    const fitted = await fitRequest({
      model,
      request: { prompt, maxOutputTokens: 4_000 },
      window: llamaCppWindow(2_000),
    });
    expect(fitted.sentTokens).toBe(1_007);
    expect(fitted.request.maxOutputTokens).toBe(1_900 - 1_007);
  });

  it('refuses to send a prompt that leaves no room for a reply, saying how to widen the window', async () => {
    const error = await fitRequest({
      model,
      request: { prompt, maxOutputTokens: 500 },
      window: llamaCppWindow(1_000),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContextOverflowError);
    expect(error).toMatchObject({
      reason: 'tooLong',
      server: 'llama.cpp',
      windowTokens: 1_000,
      promptTokens: 1_007,
      sentTokens: 1_007,
      outputTokens: 500,
    });
    expect((error as Error).message).toBe(
      'A prompt of about 1,007 tokens leaves no room for a reply in the 1,000-token context window of llama3.1 (llama.cpp /props): shorten the request, or start llama.cpp with -c <n> and pass --context-tokens <n>.',
    );
  });
});
