import type { ServerResponse } from 'node:http';
import { completionBody } from './chat-completion-payloads.js';
import { dropConnection } from './drop-connection.js';
import { sendError, sendJson } from './http-replies.js';
import type { OpenAiErrorReply } from './openai-error-body.js';
import { parseChatRequest } from './parse-chat-request.js';
import { receiveRequestBody } from './receive-request-body.js';
import { serveSimReply } from './serve-sim-reply.js';
import type { SimExchange } from './sim-exchange.js';
import { writeChatStream } from './write-chat-stream.js';

/**
 * `POST /v1/chat/completions`: validates the body (400 with the offending parameter), then
 * streams or sends the engine's reply in OpenAI's shape (see `serveSimReply`).
 */
export async function handleChatCompletion(exchange: SimExchange): Promise<void> {
  const { engine, request, response } = exchange;
  const refuse = (reply: OpenAiErrorReply) => sendError(response, reply);
  const text = await receiveRequestBody({ request, refuse });
  if (text === undefined) return;
  const parsed = parseChatRequest(text);
  if (!parsed.ok) {
    refuse(parsed.error);
    return;
  }
  const { body } = parsed;
  const usage = engine.options.usage === 'on';
  await serveSimReply({
    exchange,
    simRequest: parsed.request,
    refuse,
    send: async (reply, startedAt) => {
      const header = { id: reply.id, created: Math.floor(startedAt / 1000), model: body.model };
      const { abortSignal } = exchange;
      if (body.stream === true) {
        const includeUsage = body.stream_options?.include_usage === true && usage;
        await writeChatStream({
          engine,
          response,
          reply,
          header,
          includeUsage,
          startedAt,
          abortSignal,
        });
        return;
      }
      await engine.waitForWholeReply({ reply, startedAt, abortSignal });
      const whole = completionBody({ header, reply, usage });
      if (reply.fault === 'cut') {
        const share = (reply.cutAfter ?? 0) / Math.max(1, reply.deltas.length);
        await sendTruncated({ response, body: whole, share });
        return;
      }
      sendJson({ response, status: 200, body: whole, headers: { 'x-request-id': reply.id } });
    },
  });
}

/** Announces the whole body, sends `share` of it, then drops the connection. */
async function sendTruncated({
  response,
  body,
  share,
}: {
  response: ServerResponse;
  body: unknown;
  share: number;
}): Promise<void> {
  const text = Buffer.from(JSON.stringify(body));
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': String(text.length),
  });
  response.write(text.subarray(0, Math.floor(text.length * share)));
  await dropConnection(response);
}
