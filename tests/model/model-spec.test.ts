import { describe, expect, it } from 'vitest';
import { ModelSpecError } from '../../src/errors/model-spec-error.js';
import { parseModelSpec } from '../../src/model/model-spec.js';

/** The error `parseModelSpec(spec)` throws. */
function refusal(spec: string): ModelSpecError {
  try {
    parseModelSpec(spec);
  } catch (error) {
    if (error instanceof ModelSpecError) return error;
    throw error;
  }
  throw new Error(`"${spec}" was accepted`);
}

describe('parseModelSpec', () => {
  it('reads a hosted provider and its model id, colons and padding included', () => {
    expect(parseModelSpec(' ollama: llama3.1:8b ')).toEqual({
      provider: 'ollama',
      modelId: 'llama3.1:8b',
      spec: 'ollama:llama3.1:8b',
    });
    expect(parseModelSpec('anthropic:claude-sonnet-4-5')).toMatchObject({
      provider: 'anthropic',
      modelId: 'claude-sonnet-4-5',
    });
  });

  it('reads the simulated model with or without options', () => {
    expect(parseModelSpec('sim')).toEqual({ provider: 'sim', options: '', spec: 'sim' });
    expect(parseModelSpec('sim: think=tags ')).toEqual({
      provider: 'sim',
      options: 'think=tags',
      spec: 'sim: think=tags',
    });
  });

  it('reads a local GGUF file, and refuses gguf: without one', () => {
    expect(parseModelSpec('gguf: ./models/tiny.gguf')).toEqual({
      provider: 'gguf',
      path: './models/tiny.gguf',
      spec: 'gguf: ./models/tiny.gguf',
    });
    const error = refusal('gguf: ');
    expect(error.spec).toBe('gguf: ');
    expect(error.message).toBe(
      'Model spec "gguf: " names no file: write gguf:<path>, e.g. gguf:./models/model.Q4_K_M.gguf.',
    );
  });

  it('refuses a hosted provider without a model id, with an example of its own', () => {
    expect(refusal('google:').message).toBe(
      'Model spec "google:" names no model: write google:<model-id>, e.g. google:gemini-2.5-flash.',
    );
    expect(refusal('openai').message).toContain('e.g. openai:gpt-4o-mini.');
  });

  it('refuses an unknown provider and lists every form it accepts', () => {
    const error = refusal('mistral:large');
    expect(error.spec).toBe('mistral:large');
    expect(error.message).toMatch(/^Unknown model "mistral:large": use openai:<model-id>/);
    for (const form of [
      'anthropic:<model-id>',
      'google:<model-id>',
      'ollama:<model-id>',
      'gguf:<path>',
      'sim',
    ]) {
      expect(error.message).toContain(form);
    }
  });
});
