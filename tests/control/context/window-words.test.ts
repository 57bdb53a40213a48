import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../src/config/config-schema.js';
import { windowWords } from '../../../src/control/context/window-words.js';
import { ContextWindow } from '../../../src/model/context/context-window.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import { createTask } from '../../helpers/builders.js';
import { promptModel } from '../../helpers/prompt-model.js';

const config = ConfigSchema.parse({});
const request = createTask().prompt;
const model = promptModel(() => ({ text: '' }));

/** Call settings with a context window of `tokens`, and `thinkingTokens` of room to think. */
function callIn(tokens: number, thinkingTokens = 0) {
  return {
    model,
    window: new ContextWindow({ state: { tokens, source: 'config' }, counter: estimateCounter }),
    thinkingTokens,
  };
}

describe('windowWords', () => {
  it('sets no limit when the window holds the planned largest section, or is unknown', () => {
    expect(windowWords({ config, call: callIn(128_000), request })).toBeUndefined();
    expect(windowWords({ config, call: { model }, request })).toBeUndefined();
  });

  it('gives the largest section a small window holds, smaller still with room to think', () => {
    const fitting = windowWords({ config, call: callIn(3_500), request });
    expect(fitting).toBeGreaterThan(2 * config.write.minSectionWords);
    expect(fitting).toBeLessThan(config.write.maxSectionWords);
    const thinking = windowWords({ config, call: callIn(3_500, 500), request });
    expect(thinking).toBe(fitting! - 500 / 2.5);
  });

  it('never gives less than twice the smallest planned section', () => {
    expect(windowWords({ config, call: callIn(1_024), request })).toBe(
      2 * config.write.minSectionWords,
    );
  });
});
