import type { OpenAiErrorReply } from './openai-error-body.js';

/** Anthropic's error body: `{ type: 'error', error: { type, message } }`. */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}

/** An HTTP error reply in Anthropic's shape. */
export interface AnthropicErrorReply {
  status: number;
  headers: Record<string, string>;
  body: AnthropicErrorBody;
}

// The error types Anthropic documents for each HTTP status.
const errorTypes: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/**
 * The same refusal in Anthropic's words: the sim decides its errors once, in OpenAI's shape,
 * and the Messages endpoint re-shapes them (status, message and headers such as `retry-after`
 * kept). Pure.
 */
export function anthropicError(reply: OpenAiErrorReply): AnthropicErrorReply {
  const type =
    errorTypes[reply.status] ?? (reply.status >= 500 ? 'api_error' : 'invalid_request_error');
  return {
    status: reply.status,
    headers: reply.headers,
    body: { type: 'error', error: { type, message: reply.body.error.message } },
  };
}
