import { APICallError } from 'ai';

/** An error as the OpenAI client raises it for an HTTP status. */
export function httpError(statusCode: number, headers: Record<string, string> = {}): APICallError {
  return new APICallError({
    message: `HTTP ${statusCode}`,
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
    responseHeaders: headers,
    isRetryable: statusCode === 429 || statusCode >= 500,
  });
}

/**
 * An error as the OpenAI client raises it for an error reply (e.g. `openAiError`'s): the body's
 * `error.message` as its message, and the body as sent.
 */
export function replyError({ status, body }: { status: number; body: unknown }): APICallError {
  const message = (body as { error?: { message?: unknown } }).error?.message;
  return new APICallError({
    message: typeof message === 'string' ? message : `HTTP ${status}`,
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    statusCode: status,
    responseBody: JSON.stringify(body),
    isRetryable: false,
  });
}
