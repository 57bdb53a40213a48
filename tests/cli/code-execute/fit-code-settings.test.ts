import { describe, expect, it } from 'vitest';
import { fitCodeSettings } from '../../../src/cli/commands/code-execute/fit-code-settings.js';
import { ConfigSchema } from '../../../src/config/config-schema.js';
import { ContextWindow } from '../../../src/model/context/context-window.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import { createResolvedModel } from '../../helpers/run-session.js';

const model = createResolvedModel('house-model');
const windowOf = (tokens: number) =>
  new ContextWindow({ state: { tokens, source: 'config' }, counter: estimateCounter });

describe('fitCodeSettings', () => {
  it('keeps the configured conversation when the window holds it beside the reply', () => {
    const config = ConfigSchema.parse({ maxTokens: 90_000 });
    const fitted = fitCodeSettings({ config, window: windowOf(1_000_000), model });
    expect(fitted).toEqual({
      settings: { ...config.code, maxTokens: 90_000 },
      thinkingTokens: 0,
      replyRoom: 4_096,
    });
  });

  it('caps the conversation at what the window leaves beside the reply and its thinking', () => {
    const config = ConfigSchema.parse({
      code: { maxOutputTokens: 2_000 },
      thinkingTokens: { 'house-model': 1_000 },
    });
    const window = windowOf(16_384);
    const fitted = fitCodeSettings({ config, window, model });
    expect(fitted.thinkingTokens).toBe(1_000);
    expect(fitted.replyRoom).toBe(3_000);
    expect(fitted.settings.conversationTokens).toBe(window.budget() - 3_000);
    expect(fitted.settings.conversationTokens).toBeLessThan(config.code.conversationTokens);
  });

  it('leaves no conversation, rather than a negative one, when the reply alone fills the window', () => {
    const config = ConfigSchema.parse({});
    expect(
      fitCodeSettings({ config, window: windowOf(2_048), model }).settings.conversationTokens,
    ).toBe(0);
  });

  it('keeps a token cap set for code runs over the run-wide one', () => {
    const config = ConfigSchema.parse({ maxTokens: 90_000, code: { maxTokens: 40_000 } });
    expect(fitCodeSettings({ config, window: windowOf(1_000_000), model }).settings.maxTokens).toBe(
      40_000,
    );
  });
});
