import { createHash, timingSafeEqual } from 'node:crypto';
import { type OpenAiErrorReply, openAiError } from './openai-error-body.js';

/**
 * Checks a request's `Authorization` header against the key the server was started with, the
 * way OpenAI does: a missing or different bearer token gets 401 `invalid_api_key` in OpenAI's
 * error shape. Returns the reply to send, or undefined when the request may go on. With no
 * `apiKey` every request goes on. The comparison runs in constant time, because a server bound
 * beyond loopback may rely on the key. Pure.
 */
export function checkApiKey({
  apiKey,
  authorization,
}: {
  /** The key the server requires; undefined accepts any request. */
  apiKey: string | undefined;
  /** The request's `Authorization` header, if any. */
  authorization: string | undefined;
}): OpenAiErrorReply | undefined {
  if (apiKey === undefined) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  const given = match?.[1]?.trim();
  if (given !== undefined && sameKey(given, apiKey)) return undefined;
  const message =
    given === undefined
      ? 'No API key was sent (simulated server): pass it as a bearer token in the Authorization header, e.g. with OPENAI_API_KEY.'
      : 'Incorrect API key (simulated server): send the key this server was started with (--api-key).';
  return openAiError({
    status: 401,
    message,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    headers: { 'www-authenticate': 'Bearer' },
  });
}

/** Compares two keys without leaking, through timing, how much of them matched. */
function sameKey(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
