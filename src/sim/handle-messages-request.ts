import type { ServerResponse } from 'node:http';
import { anthropicError } from './anthropic-error-body.js';
import { type MessageHeader, messageBody } from './anthropic-message-payloads.js';
import { sendJson } from './http-replies.js';
import { MessagesBodySchema } from './messages-body-schema.js';
import { type OpenAiErrorReply, openAiError } from './openai-error-body.js';
import { receiveRequestBody } from './receive-request-body.js';
import { requestFromMessagesBody } from './request-from-messages-body.js';
import { serveSimReply } from './serve-sim-reply.js';
import type { SimExchange } from './sim-exchange.js';
import type { SimRequest } from './sim-request.js';
import { writeMessageStream } from './write-message-stream.js';

/**
 * `POST /v1/messages`, Anthropic's Messages API, answered by the same engine as the chat
 * endpoint: the same prompt gets the same reply, faults, pacing, prompt cache and context window.
 * Bad bodies get 400 naming the field, and every error is in Anthropic's shape
 * (`{ type: 'error', error: { type, message } }`).
 */
export async function handleMessagesRequest(exchange: SimExchange): Promise<void> {
  const { engine, request, response, abortSignal } = exchange;
  const refuse = (reply: OpenAiErrorReply) => sendAnthropicError(response, reply);
  const text = await receiveRequestBody({ request, refuse });
  if (text === undefined) return;
  const parsed = parseMessagesRequest(text);
  if ('error' in parsed) {
    refuse(parsed.error);
    return;
  }
  await serveSimReply({
    exchange,
    simRequest: parsed.request,
    refuse,
    send: async (reply, startedAt) => {
      const header: MessageHeader = { id: `msg_${reply.id}`, model: parsed.model };
      if (parsed.stream) {
        await writeMessageStream({ engine, response, reply, header, startedAt, abortSignal });
        return;
      }
      await engine.waitForWholeReply({ reply, startedAt, abortSignal });
      if (reply.fault === 'cut') {
        // A body cut mid-way reads, to the client, as a dropped connection.
        response.destroy();
        return;
      }
      const body = messageBody(header, reply);
      sendJson({ response, status: 200, body, headers: { 'request-id': header.id } });
    },
  });
}

/** Sends an error reply re-shaped as Anthropic words it. */
export function sendAnthropicError(response: ServerResponse, reply: OpenAiErrorReply): void {
  const shaped = anthropicError(reply);
  sendJson({ response, status: shaped.status, body: shaped.body, headers: shaped.headers });
}

/** Parses and validates a Messages body; problems become 400 replies naming the field. Pure. */
function parseMessagesRequest(
  text: string,
): { request: SimRequest; model: string; stream: boolean } | { error: OpenAiErrorReply } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return invalid(`The request body is not valid JSON (${detail}).`);
  }
  const parsed = MessagesBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = (issue?.path ?? []).map(String).join('.') || 'body';
    return invalid(`${field}: ${issue?.message ?? 'not accepted'}`);
  }
  const request = requestFromMessagesBody(parsed.data);
  if ('param' in request) return invalid(request.message);
  return { request, model: parsed.data.model, stream: parsed.data.stream === true };
}

function invalid(message: string): { error: OpenAiErrorReply } {
  return { error: openAiError({ status: 400, message }) };
}
