import type { ServerKind } from './server-kind.js';

/** What a context-length refusal said, as far as it said it. */
export interface ContextOverflow {
  /** Whose wording it was. */
  server: ServerKind;
  /** The window the server reported, in its tokens. */
  windowTokens: number | undefined;
  /** The prompt tokens the server counted. */
  promptTokens: number | undefined;
  /** The reply tokens asked for (`max_tokens`), when the message names them. */
  outputTokens: number | undefined;
}

const number = (text: string | undefined) =>
  text === undefined ? undefined : Number(text.replaceAll(',', ''));

/**
 * Recognises a refusal because the request does not fit the model's context window, in the
 * forms servers use, and takes the numbers from it:
 * - OpenAI: code `context_length_exceeded`; "This model's maximum context length is N tokens.
 *   However, you requested T tokens (P in the messages, C in the completion)" or "…your
 *   messages resulted in P tokens"; "Your input exceeds the context window of this model".
 * - vLLM: "This model's maximum context length is N tokens. However, your request has P input
 *   tokens" or "'max_tokens' or 'max_completion_tokens' is too large: C. This model's maximum
 *   context length is N tokens and your request has P input tokens".
 * - llama.cpp: type `exceed_context_size_error`, "request (P tokens) exceeds the available
 *   context size (N tokens)", with `n_prompt_tokens` and `n_ctx` beside it.
 * Returns undefined for any other error. Pure.
 */
export function parseContextOverflow({
  statusCode,
  message,
  responseBody,
}: {
  statusCode: number | undefined;
  message: string;
  responseBody: string | undefined;
}): ContextOverflow | undefined {
  if (statusCode !== undefined && statusCode !== 400 && statusCode !== 413 && statusCode !== 422) {
    return undefined;
  }
  const error = errorObject(responseBody);
  const text = `${typeof error.message === 'string' ? error.message : ''}\n${message}`;
  const llamaCpp =
    error.type === 'exceed_context_size_error' ||
    /exceeds the available context size|exceeds context size/i.test(text);
  if (llamaCpp) {
    const numbers =
      /request \((\d+) tokens\) exceeds (?:the available )?context size \((\d+) tokens\)/i.exec(
        text,
      );
    return {
      server: 'llama.cpp',
      windowTokens: numeric(error.n_ctx) ?? number(numbers?.[2]),
      promptTokens: numeric(error.n_prompt_tokens) ?? number(numbers?.[1]),
      outputTokens: undefined,
    };
  }
  const window = /maximum context length is ([\d,]+) tokens/i.exec(text);
  const openAiCode = error.code === 'context_length_exceeded';
  if (!window && !openAiCode && !/exceeds the context window/i.test(text)) return undefined;
  const vllmPrompt = /your request has ([\d,]+) input tokens/i.exec(text);
  const vllmOutput = /'max_tokens' or 'max_completion_tokens' is too large: ([\d,]+)/i.exec(text);
  if (vllmPrompt || vllmOutput) {
    return {
      server: 'vllm',
      windowTokens: number(window?.[1]),
      promptTokens: number(vllmPrompt?.[1]),
      outputTokens: number(vllmOutput?.[1]),
    };
  }
  const requested =
    /you requested ([\d,]+) tokens \(([\d,]+) in the messages?, ([\d,]+) in the completion\)/i.exec(
      text,
    );
  const resulted = /messages resulted in ([\d,]+) tokens/i.exec(text);
  const outputFirst =
    /requested ([\d,]+) output tokens and your prompt contains at least ([\d,]+) input tokens/i.exec(
      text,
    );
  return {
    server: 'openai',
    windowTokens: number(window?.[1]),
    promptTokens: number(requested?.[2] ?? resulted?.[1] ?? outputFirst?.[2]),
    outputTokens: number(requested?.[3] ?? outputFirst?.[1]),
  };
}

/** The `error` object of an error body (or the body itself, as older vLLM sends it). */
function errorObject(body: string | undefined): Record<string, unknown> {
  if (body === undefined) return {};
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    const inner = (parsed as { error?: unknown }).error;
    return typeof inner === 'object' && inner !== null
      ? (inner as Record<string, unknown>)
      : (parsed as Record<string, unknown>);
  } catch {
    return {};
  }
}

function numeric(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
