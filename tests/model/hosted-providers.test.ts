import { describe, expect, it } from 'vitest';
import { credentialAdvice } from '../../src/model/hosted-providers.js';

describe('credentialAdvice', () => {
  it("names the refusing provider's own key variable", () => {
    expect(credentialAdvice('anthropic.messages')).toBe('check ANTHROPIC_API_KEY');
    expect(credentialAdvice('google.generative-ai')).toBe('check GOOGLE_GENERATIVE_AI_API_KEY');
  });

  it("names OpenAI's key and the config key for OpenAI, compatible servers and unknown providers", () => {
    for (const provider of ['openai.chat', 'openai-compatible.chat', 'ollama.chat', undefined]) {
      expect(credentialAdvice(provider)).toBe(
        'check OPENAI_API_KEY or "apiKey" in quire.config.json',
      );
    }
  });
});
