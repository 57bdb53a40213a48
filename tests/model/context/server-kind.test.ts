import { describe, expect, it } from 'vitest';
import { serverKinds, widenWindowAdvice } from '../../../src/model/context/server-kind.js';

describe('widenWindowAdvice', () => {
  it("names each server's own setting, with the size quire needs", () => {
    const advice = Object.fromEntries(
      serverKinds.map((server) => [server, widenWindowAdvice({ server, tokens: 16_384 })]),
    );
    expect(advice).toEqual({
      openai: 'use a model with a larger context window',
      vllm: 'start vLLM with --max-model-len 16384 or more and pass --context-tokens 16384',
      'llama.cpp': 'start llama.cpp with -c 16384 or more and pass --context-tokens 16384',
      ollama:
        "raise Ollama's num_ctx to 16384 or more (OLLAMA_CONTEXT_LENGTH=16384 ollama serve, or PARAMETER num_ctx 16384 in a Modelfile) and pass --context-tokens 16384",
      gguf: 'load the gguf: model with a context of 16384 tokens or more: pass --context-tokens 16384 (config model.contextTokens), within what the model was trained for',
    });
  });

  it('names every setting when the server is unknown', () => {
    expect(widenWindowAdvice({ server: undefined, tokens: 8_192 })).toBe(
      'give the model a window of 8192 tokens or more (llama.cpp -c, vLLM --max-model-len, Ollama num_ctx) and pass --context-tokens 8192',
    );
  });

  it('leaves a placeholder for the size when quire does not know it', () => {
    expect(widenWindowAdvice({ server: 'vllm' })).toBe(
      'start vLLM with --max-model-len <n> and pass --context-tokens <n>',
    );
    expect(widenWindowAdvice({ server: 'gguf' })).toBe(
      'load the gguf: model with a context of <n> tokens: pass --context-tokens <n> (config model.contextTokens), within what the model was trained for',
    );
    expect(widenWindowAdvice({ server: undefined })).toBe(
      'give the model a window of <n> tokens (llama.cpp -c, vLLM --max-model-len, Ollama num_ctx) and pass --context-tokens <n>',
    );
  });
});
