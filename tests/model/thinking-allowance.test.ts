import { describe, expect, it } from 'vitest';
import {
  defaultThinkingTokens,
  isKnownReasoningModel,
  thinkingAllowance,
} from '../../src/model/thinking-allowance.js';

describe('thinkingAllowance', () => {
  it.each([
    'qwen3:32b',
    'Qwen/Qwen3-30B-A3B',
    'qwq:32b',
    'Qwen/QwQ-32B',
    'deepseek-r1:14b',
    'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
    'deepseek-reasoner',
    'gpt-oss:20b',
    'openai/gpt-oss-120b',
    'o4-mini',
    'o1',
    'gpt-5-mini',
    'Qwen3-235B-A22B-Thinking-2507',
  ])('knows %s reasons', (modelId) => {
    expect(isKnownReasoningModel(modelId)).toBe(true);
    expect(thinkingAllowance({ modelId })).toBe(defaultThinkingTokens);
  });

  it.each(['gpt-4o-mini', 'llama3.1:8b', 'mistral-small', 'qwen2.5:14b', 'sim', 'solar-pro'])(
    'gives %s no allowance unless told',
    (modelId) => {
      expect(isKnownReasoningModel(modelId)).toBe(false);
      expect(thinkingAllowance({ modelId })).toBe(0);
    },
  );

  it('takes the configured value for the model first, and a sim told to think as a reasoner', () => {
    expect(thinkingAllowance({ modelId: 'qwen3:8b', configured: { 'qwen3:8b': 0 } })).toBe(0);
    expect(thinkingAllowance({ modelId: 'my-model', configured: { 'my-model': 3_000 } })).toBe(
      3_000,
    );
    expect(thinkingAllowance({ modelId: 'sim', reasons: true })).toBe(defaultThinkingTokens);
  });
});
