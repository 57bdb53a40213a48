import { APICallError } from '@ai-sdk/provider';
import { simCallUrl } from './sim-api-error.js';

/**
 * The error the AI SDK's OpenAI client raises when the server drops the connection part-way
 * through a reply: an `APICallError` for the 200 that had begun, retryable, caused by undici's
 * "terminated" (a closed socket). The in-process model raises the same for a `cut` fault.
 */
export function connectionDropped({
  requestBodyValues,
}: {
  requestBodyValues: unknown;
}): APICallError {
  const socketError = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
  return new APICallError({
    message: 'Failed to process successful response',
    cause: new TypeError('terminated', { cause: socketError }),
    url: simCallUrl,
    requestBodyValues,
    statusCode: 200,
    isRetryable: true,
  });
}
