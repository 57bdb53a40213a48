import type { IncomingMessage, ServerResponse } from 'node:http';
import { completionBody } from './chat-completion-payloads.js';
import { dropConnection } from './drop-connection.js';
import { sendError, sendJson } from './http-replies.js';
import { faultError } from './openai-error-body.js';
import { parseChatRequest } from './parse-chat-request.js';
import { receiveRequestBody } from './receive-request-body.js';
import type { SimEngine } from './sim-engine.js';
import { waitForAbort } from './wait-for-abort.js';
import { writeChatStream } from './write-chat-stream.js';

/**
 * `POST /v1/chat/completions`: validates the body (400 with the offending parameter), applies
 * the engine's decision (429/500 at once, a hang holding its slot without a byte sent), waits
 * for a slot, then streams or sends the reply. `abortSignal` fires when the client goes away or
 * the server stops.
 */
export async function handleChatCompletion({
  engine,
  request,
  response,
  arrivedAt,
  abortSignal,
}: {
  engine: SimEngine;
  request: IncomingMessage;
  response: ServerResponse;
  /** When the request arrived: time to first token counts from here, as a client measures it. */
  arrivedAt: number;
  abortSignal: AbortSignal;
}): Promise<void> {
  const text = await receiveRequestBody({ request, refuse: (reply) => sendError(response, reply) });
  if (text === undefined) return;
  const parsed = parseChatRequest(text);
  if (!parsed.ok) {
    sendError(response, parsed.error);
    return;
  }
  const { body, request: simRequest } = parsed;

  const outcome = engine.decide(simRequest);
  if (outcome.kind === 'rejected') {
    sendError(response, faultError(outcome));
    return;
  }
  if (outcome.kind === 'refused') {
    sendError(response, outcome.error);
    return;
  }
  let service: { release: () => void; startedAt: number };
  try {
    service = await engine.startService({ arrivedAt, abortSignal });
  } catch {
    return;
  }
  const { release, startedAt } = service;
  try {
    if (outcome.kind === 'hang') {
      await waitForAbort(abortSignal);
      response.destroy();
      return;
    }
    const { reply } = outcome;
    const header = { id: reply.id, created: Math.floor(startedAt / 1000), model: body.model };
    if (body.stream === true) {
      const includeUsage =
        body.stream_options?.include_usage === true && engine.options.usage === 'on';
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
    if (reply.fault === 'cut') {
      await sendTruncated({
        response,
        body: completionBody({ header, reply, usage: engine.options.usage === 'on' }),
        share: (reply.cutAfter ?? 0) / Math.max(1, reply.deltas.length),
      });
      return;
    }
    sendJson({
      response,
      status: 200,
      body: completionBody({ header, reply, usage: engine.options.usage === 'on' }),
      headers: { 'x-request-id': reply.id },
    });
  } catch {
    // The client left or the server is stopping: nothing more can be sent.
    response.destroy();
  } finally {
    release();
  }
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
