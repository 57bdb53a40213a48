/**
 * How the simulated model thinks before it answers, as the servers that host reasoning models
 * send it:
 * - `off`: no thinking.
 * - `tags`: a `<think>…</think>` block at the start of the content (Ollama, llama.cpp server
 *   without a reasoning parser).
 * - `reasoning_content`: a separate `reasoning_content` field of each delta (DeepSeek's API, vLLM
 *   with a reasoning parser).
 * - `reasoning`: a separate `reasoning` field (gpt-oss on vLLM and Ollama).
 *
 * In-process, both separate forms arrive as reasoning parts, as the AI SDK's OpenAI-compatible
 * client delivers them.
 */
export const thinkingForms = ['off', 'tags', 'reasoning_content', 'reasoning'] as const;

/** One way of sending thinking. */
export type ThinkingForm = (typeof thinkingForms)[number];
