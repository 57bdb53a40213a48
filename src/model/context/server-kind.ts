/** Every `ServerKind`. */
export const serverKinds = ['openai', 'vllm', 'llama.cpp', 'ollama', 'gguf'] as const;

/**
 * The OpenAI-compatible servers whose context windows quire can read and whose refusals it can
 * parse, known only once discovery or a refusal has shown which one answers; or `gguf`, a model
 * quire runs in-process.
 */
export type ServerKind = (typeof serverKinds)[number];

/**
 * How to give the model a larger context window on `server`, as advice ending a message; with
 * `tokens`, the size quire needs. Pure.
 */
export function widenWindowAdvice({
  server,
  tokens,
}: {
  server: ServerKind | undefined;
  tokens?: number;
}): string {
  const size = tokens === undefined ? '<n>' : String(tokens);
  const orMore = tokens === undefined ? '' : ' or more';
  switch (server) {
    case 'openai':
      return 'use a model with a larger context window';
    case 'ollama':
      return `raise Ollama's num_ctx to ${size}${orMore} (OLLAMA_CONTEXT_LENGTH=${size} ollama serve, or PARAMETER num_ctx ${size} in a Modelfile) and pass --context-tokens ${size}`;
    case 'llama.cpp':
      return `start llama.cpp with -c ${size}${orMore} and pass --context-tokens ${size}`;
    case 'gguf':
      return `load the gguf: model with a context of ${size} tokens${orMore}: pass --context-tokens ${size} (config model.contextTokens), within what the model was trained for`;
    case 'vllm':
      return `start vLLM with --max-model-len ${size}${orMore} and pass --context-tokens ${size}`;
    default:
      return `give the model a window of ${size} tokens${orMore} (llama.cpp -c, vLLM --max-model-len, Ollama num_ctx) and pass --context-tokens ${size}`;
  }
}
