import { describe, expect, it } from 'vitest';
import { checkSpecFits } from '../../../src/cli/commands/code-execute/check-spec-fits.js';
import { fitCodeSettings } from '../../../src/cli/commands/code-execute/fit-code-settings.js';
import { ConfigSchema } from '../../../src/config/config-schema.js';
import { UsageError } from '../../../src/errors/usage-error.js';
import { ContextWindow } from '../../../src/model/context/context-window.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import { createResolvedModel } from '../../helpers/run-session.js';

const model = createResolvedModel('house-model');
const spec = `Build it. ${'spec '.repeat(1_600)}`;

/** Checks `spec` against a window of `tokens` with the settings fitted to it. */
function check({ tokens, config = {} }: { tokens: number; config?: object }) {
  const parsed = ConfigSchema.parse(config);
  const window = new ContextWindow({
    state: { tokens, source: 'llama.cpp /props', server: 'llama.cpp' },
    counter: estimateCounter,
  });
  const fitted = fitCodeSettings({ config: parsed, window, model });
  return () => checkSpecFits({ spec, config: parsed, fitted, window, modelId: model.modelId });
}

describe('checkSpecFits', () => {
  it('accepts a specification within half of the conversation', () => {
    expect(check({ tokens: 1_000_000 })).not.toThrow();
  });

  it('names the setting when the configured conversation is what is too small', () => {
    expect(check({ tokens: 1_000_000, config: { code: { conversationTokens: 4_000 } } })).toThrow(
      /more than half of code\.conversationTokens \(4,000\).*raise code\.conversationTokens if the model's context window allows\.$/,
    );
  });

  it('names the window, and the size to widen it to, when the window capped the conversation', () => {
    const refused = check({ tokens: 8_192 });
    expect(refused).toThrow(UsageError);
    expect(refused).toThrow(
      /more than half of a step's conversation \(3,686 tokens in the model's 8,192-token context window\).*start llama\.cpp with -c 9216 or more and pass --context-tokens 9216\.$/,
    );
  });

  it('offers to lower the thinking allowance when the model thinks', () => {
    expect(check({ tokens: 8_192, config: { thinkingTokens: { 'house-model': 512 } } })).toThrow(
      /--context-tokens \d+, or lower "thinkingTokens" for house-model in quire\.config\.json\.$/,
    );
  });
});
