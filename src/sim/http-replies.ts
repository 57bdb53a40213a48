import type { ServerResponse } from 'node:http';
import type { OpenAiErrorReply } from './openai-error-body.js';

/** Sends a JSON body with its status; ignored when the client has already gone. */
export function sendJson({
  response,
  status,
  body,
  headers = {},
}: {
  response: ServerResponse;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/** Sends an OpenAI-shaped error reply. */
export function sendError(response: ServerResponse, reply: OpenAiErrorReply): void {
  sendJson({ response, status: reply.status, body: reply.body, headers: reply.headers });
}
