import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleChatCompletion } from './handle-chat-completion.js';
import { sendError, sendJson } from './http-replies.js';
import { openAiError } from './openai-error-body.js';
import type { SimEngine } from './sim-engine.js';

/** The model the server lists; requests may name any model and get it echoed back. */
const simModelId = 'sim';

const routes: Record<string, string[]> = {
  '/v1/chat/completions': ['POST'],
  '/v1/models': ['GET'],
  [`/v1/models/${simModelId}`]: ['GET'],
};

/**
 * Routes one HTTP request of the simulated server: chat completions, the model list, and
 * OpenAI-shaped 404 / 405 errors for anything else.
 */
export async function routeSimRequest({
  engine,
  request,
  response,
  arrivedAt,
  abortSignal,
}: {
  engine: SimEngine;
  request: IncomingMessage;
  response: ServerResponse;
  /** When the request arrived, on the engine's clock. */
  arrivedAt: number;
  abortSignal: AbortSignal;
}): Promise<void> {
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
  const allowed = routes[path];
  if (allowed === undefined) {
    const message = path.startsWith('/v1/models/')
      ? `The model '${decodeURIComponent(path.slice('/v1/models/'.length))}' does not exist; this server serves '${simModelId}'.`
      : `Unknown request URL: ${method} ${path}. This server serves POST /v1/chat/completions and GET /v1/models.`;
    const code = path.startsWith('/v1/models/') ? 'model_not_found' : 'unknown_url';
    sendError(response, openAiError({ status: 404, message, code }));
    request.resume();
    return;
  }
  if (!allowed.includes(method)) {
    sendError(
      response,
      openAiError({
        status: 405,
        message: `Method ${method} is not allowed for ${path}; use ${allowed.join(', ')}.`,
        code: 'method_not_allowed',
        headers: { allow: allowed.join(', ') },
      }),
    );
    request.resume();
    return;
  }
  if (path === '/v1/chat/completions') {
    await handleChatCompletion({ engine, request, response, arrivedAt, abortSignal });
    return;
  }
  const model = { id: simModelId, object: 'model', created: 0, owned_by: 'quire' };
  sendJson({
    response,
    status: 200,
    body: path === '/v1/models' ? { object: 'list', data: [model] } : model,
  });
}
