import type { IncomingMessage } from 'node:http';

/**
 * The credentials a request carries, as an `Authorization` header value: its own, else
 * Anthropic's `x-api-key` header read as a bearer token, so one key check serves both APIs.
 */
export function authorizationOf(request: IncomingMessage): string | undefined {
  const anthropicKey = request.headers['x-api-key'];
  if (request.headers.authorization !== undefined || typeof anthropicKey !== 'string') {
    return request.headers.authorization;
  }
  return `Bearer ${anthropicKey}`;
}

/** True for a request to Anthropic's Messages endpoint, whose errors take Anthropic's shape. */
export function isMessagesRequest(request: IncomingMessage): boolean {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
  return path === '/v1/messages';
}
