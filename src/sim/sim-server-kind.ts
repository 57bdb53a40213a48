/** The servers the simulated model can imitate (knob `server`). */
export const simServerKinds = ['openai', 'vllm', 'llama-cpp', 'ollama'] as const;

/**
 * Which server the simulated model imitates when a request does not fit its context window:
 * OpenAI, vLLM and llama.cpp refuse it, each with its own error; Ollama silently cuts the
 * prompt. It also decides which discovery endpoint tells the window: vLLM's `/v1/models`
 * (`max_model_len`), llama.cpp's `/props` (`n_ctx`), Ollama's `/api/show` (`num_ctx`).
 */
export type SimServerKind = (typeof simServerKinds)[number];
