/**
 * The error JSON OpenAI (and compatible servers) send: `{ error: { message, type, param, code } }`.
 * vLLM puts the HTTP status in `code`; llama.cpp adds fields of its own beside them.
 */
export interface OpenAiErrorBody {
  error: {
    message: string;
    type: string;
    param: string | null;
    code: string | number | null;
    [extra: string]: unknown;
  };
}

/** An HTTP error reply: status, extra headers and the OpenAI-shaped body. */
export interface OpenAiErrorReply {
  status: number;
  headers: Record<string, string>;
  body: OpenAiErrorBody;
}

/** Builds an OpenAI-shaped error reply. Pure. */
export function openAiError({
  status,
  message,
  type = status >= 500 ? 'server_error' : 'invalid_request_error',
  param = null,
  code = null,
  headers = {},
  extra = {},
}: {
  status: number;
  message: string;
  type?: string;
  param?: string | null;
  code?: string | number | null;
  headers?: Record<string, string>;
  /** Fields a server adds to the error object, e.g. llama.cpp's `n_ctx`. */
  extra?: Record<string, unknown>;
}): OpenAiErrorReply {
  return { status, headers, body: { error: { message, type, param, code, ...extra } } };
}

/**
 * The reply to a request rejected by an injected fault, as OpenAI words it: 429 with
 * `retry-after` (whole seconds, rounded up) and `retry-after-ms`, or 500.
 */
export function faultError({
  fault,
  retryAfterMs,
}: {
  fault: 'rate-limit' | 'server-error';
  retryAfterMs: number;
}): OpenAiErrorReply {
  if (fault === 'rate-limit') {
    const seconds = Math.max(0, Math.ceil(retryAfterMs / 1000));
    return openAiError({
      status: 429,
      message: `Rate limit reached for sim (simulated): please try again in ${seconds}s.`,
      type: 'requests',
      code: 'rate_limit_exceeded',
      headers: {
        'retry-after': String(seconds),
        'retry-after-ms': String(Math.round(retryAfterMs)),
      },
    });
  }
  return openAiError({
    status: 500,
    message: 'The server had an error while processing your request (simulated fault).',
  });
}
