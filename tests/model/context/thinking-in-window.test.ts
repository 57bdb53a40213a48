import { describe, expect, it } from 'vitest';
import { callText } from '../../../src/model/call-text.js';
import { ContextWindow } from '../../../src/model/context/context-window.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import { createSimModel } from '../../../src/sim/create-sim-model.js';
import type { SimOptionsInput } from '../../../src/sim/sim-options.js';
import { simOverHttp } from '../../helpers/sim-http.js';

/** A small server with a reasoning model on it that reports no usage. */
const smallThinker: SimOptionsInput = {
  noise: 0,
  context: 2_000,
  server: 'openai',
  usage: 'off',
  think: 'reasoning_content',
  thinkWords: 60,
};

describe.each([
  ['in-process', async () => createSimModel({ ...smallThinker, think: 'tags' })],
  ['over HTTP', async () => (await simOverHttp(smallThinker)).model],
])('a reasoning model on a small server that reports no usage, %s', (_, makeModel) => {
  it('gets its thinking room fitted to the window, and its usage counted with the thinking', async () => {
    const model = await makeModel();
    const window = new ContextWindow({
      state: { tokens: 2_000, source: 'config' },
      counter: estimateCounter,
    });
    // 400 answer tokens and 8,192 for thinking would be refused by this 2,000-token window:
    // the call goes through because the limit, thinking included, is lowered to fit.
    const result = await callText({
      model,
      prompt: 'Write about 120 words on tide mills.',
      maxOutputTokens: 400,
      thinkingTokens: 8_192,
      window,
    });
    expect(result.reasoning.length).toBeGreaterThan(100);
    expect(result.text).not.toContain(result.reasoning.slice(0, 60));
    expect(result.usage.estimated).toEqual({ calls: 1, tokenizer: 'quire-estimate' });
    expect(result.usage.reasoningTokens).toBeGreaterThan(40);
    expect(result.usage.outputTokens).toBeGreaterThan(result.usage.reasoningTokens + 80);
  });
});
