import type { IncomingMessage } from 'node:http';
import { llamaCppProps, modelEntry, ollamaShow, simModelId } from './discovery-replies.js';
import { handleChatCompletion } from './handle-chat-completion.js';
import { handleMessagesRequest } from './handle-messages-request.js';
import { sendError, sendJson } from './http-replies.js';
import { openAiError } from './openai-error-body.js';
import { readRequestBody } from './read-request-body.js';
import type { SimEngine } from './sim-engine.js';
import type { SimExchange } from './sim-exchange.js';

const routes: Record<string, string[]> = {
  '/v1/chat/completions': ['POST'],
  // Anthropic's Messages API, for the official Anthropic client.
  '/v1/messages': ['POST'],
  '/v1/models': ['GET'],
  [`/v1/models/${simModelId}`]: ['GET'],
  // Discovery endpoints: answered only when the sim imitates the server that has them.
  '/props': ['GET'],
  '/api/show': ['POST'],
};

/**
 * Routes one HTTP request of the simulated server: chat completions, Anthropic's Messages, the
 * model list, the
 * discovery endpoint of the server it imitates (llama.cpp `/props`, Ollama `/api/show`), and
 * OpenAI-shaped 404 / 405 errors for anything else.
 */
export async function routeSimRequest(exchange: SimExchange): Promise<void> {
  const { engine, request, response } = exchange;
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
  const allowed = routes[path];
  const discovery = allowed && (await discoveryBody({ engine, request, path }));
  if (allowed === undefined || discovery === null) {
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
  if (path === '/v1/messages') {
    await handleMessagesRequest(exchange);
    return;
  }
  if (path === '/v1/chat/completions') {
    await handleChatCompletion(exchange);
    return;
  }
  if (discovery !== undefined) {
    sendJson({ response, status: 200, body: discovery });
    return;
  }
  const model = modelEntry(engine.options);
  sendJson({
    response,
    status: 200,
    body: path === '/v1/models' ? { object: 'list', data: [model] } : model,
  });
}

/**
 * The body of a discovery endpoint: undefined for a path that is not one, null when the
 * imitated server has no such endpoint (answered 404, as it would be).
 */
async function discoveryBody({
  engine,
  request,
  path,
}: {
  engine: SimEngine;
  request: IncomingMessage;
  path: string;
}): Promise<object | null | undefined> {
  if (path === '/props') return llamaCppProps(engine.options) ?? null;
  if (path !== '/api/show') return undefined;
  if (engine.options.server !== 'ollama' || request.method !== 'POST') {
    return ollamaShow({ options: engine.options, model: simModelId }) ?? null;
  }
  const read = await readRequestBody({ request, limitBytes: 64 * 1024 });
  let model = simModelId;
  if (read.ok) {
    try {
      const body = JSON.parse(read.text) as { model?: unknown; name?: unknown };
      const named = body.model ?? body.name;
      if (typeof named === 'string' && named !== '') model = named;
    } catch {
      // Ollama answers a malformed body with 400; the sim serves its one model regardless.
    }
  }
  return ollamaShow({ options: engine.options, model }) ?? null;
}
