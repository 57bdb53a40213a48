import { type OpenAiErrorReply, openAiError } from './openai-error-body.js';
import type { SimServerKind } from './sim-server-kind.js';

/**
 * The 400 a server sends for a request beyond its context window, worded as that server words
 * it (quire must recognise each): OpenAI's `context_length_exceeded`; vLLM's two messages (the
 * prompt alone too long, or prompt plus `max_tokens`); llama.cpp's `exceed_context_size_error`
 * with `n_prompt_tokens` and `n_ctx`. Pure.
 */
export function contextRefusal({
  server,
  contextTokens,
  promptTokens,
  maxOutputTokens,
}: {
  server: Exclude<SimServerKind, 'ollama'>;
  contextTokens: number;
  promptTokens: number;
  maxOutputTokens: number | undefined;
}): OpenAiErrorReply {
  const window = `This model's maximum context length is ${contextTokens} tokens.`;
  if (server === 'llama-cpp') {
    return openAiError({
      status: 400,
      message: `request (${promptTokens} tokens) exceeds the available context size (${contextTokens} tokens), try increasing it`,
      type: 'exceed_context_size_error',
      code: 400,
      extra: { n_prompt_tokens: promptTokens, n_ctx: contextTokens },
    });
  }
  if (server === 'vllm') {
    const message =
      promptTokens >= contextTokens || maxOutputTokens === undefined
        ? `${window} However, your request has ${promptTokens} input tokens. Please reduce the length of the input messages.`
        : `'max_tokens' or 'max_completion_tokens' is too large: ${maxOutputTokens}. This model's maximum context length is ${contextTokens} tokens and your request has ${promptTokens} input tokens (${maxOutputTokens} > ${contextTokens} - ${promptTokens}).`;
    return openAiError({ status: 400, message, type: 'BadRequestError', code: 400 });
  }
  const message =
    maxOutputTokens === undefined
      ? `${window} However, your messages resulted in ${promptTokens} tokens. Please reduce the length of the messages.`
      : `${window} However, you requested ${promptTokens + maxOutputTokens} tokens (${promptTokens} in the messages, ${maxOutputTokens} in the completion). Please reduce the length of the messages or completion.`;
  return openAiError({
    status: 400,
    message,
    type: 'invalid_request_error',
    param: 'messages',
    code: 'context_length_exceeded',
  });
}
