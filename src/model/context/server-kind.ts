/**
 * The OpenAI-compatible servers whose context windows quire can read and whose refusals it can
 * parse. Known only once discovery or a refusal has shown which one answers.
 */
export type ServerKind = 'openai' | 'vllm' | 'llama.cpp' | 'ollama';

/** The server setting that sets the context window, for advice in messages. */
export function contextSetting(server: ServerKind | undefined): string {
  switch (server) {
    case 'ollama':
      return "Ollama's num_ctx (OLLAMA_CONTEXT_LENGTH=<n> ollama serve, or PARAMETER num_ctx <n> in a Modelfile)";
    case 'llama.cpp':
      return "llama.cpp's -c (--ctx-size)";
    case 'vllm':
      return "vLLM's --max-model-len";
    case 'openai':
      return 'a model with a larger context window';
    default:
      return "the server's context setting (llama.cpp -c, vLLM --max-model-len, Ollama num_ctx)";
  }
}
