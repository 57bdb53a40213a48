import { APICallError } from '@ai-sdk/provider';
import type { OpenAiErrorReply } from './openai-error-body.js';

/** The address in-process errors name, since no HTTP request was made. */
export const simCallUrl = 'sim:/v1/chat/completions';

/**
 * The `APICallError` the AI SDK's OpenAI client raises for an HTTP error reply, built directly
 * for the in-process model: same message, status, headers, body and retryability.
 */
export function apiCallErrorFor({
  reply,
  requestBodyValues,
}: {
  reply: OpenAiErrorReply;
  requestBodyValues: unknown;
}): APICallError {
  return new APICallError({
    message: reply.body.error.message,
    url: simCallUrl,
    requestBodyValues,
    statusCode: reply.status,
    responseHeaders: { 'content-type': 'application/json', ...reply.headers },
    responseBody: JSON.stringify(reply.body),
    isRetryable:
      reply.status === 408 || reply.status === 409 || reply.status === 429 || reply.status >= 500,
    data: reply.body,
  });
}
