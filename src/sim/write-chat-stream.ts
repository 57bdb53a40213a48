import type { ServerResponse } from 'node:http';
import {
  deltaChunk,
  finishChunk,
  openingChunk,
  type ReplyHeader,
  usageChunk,
} from './chat-completion-payloads.js';
import { dropConnection } from './drop-connection.js';
import type { SimEngine } from './sim-engine.js';
import type { SimReply } from './sim-reply.js';
import { writeServerEvent } from './write-server-event.js';

/**
 * Streams a reply as OpenAI server-sent events: an opening chunk, one chunk per delta on the
 * engine's latency schedule, the finish chunk, the usage chunk when asked for, then `[DONE]`.
 * A `cut` reply stops part-way by destroying the connection, with no finish and no `[DONE]`.
 */
export async function writeChatStream({
  engine,
  response,
  reply,
  header,
  includeUsage,
  startedAt,
  abortSignal,
}: {
  engine: SimEngine;
  response: ServerResponse;
  reply: SimReply;
  header: ReplyHeader;
  includeUsage: boolean;
  startedAt: number;
  abortSignal: AbortSignal;
}): Promise<void> {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-request-id': header.id,
  });
  await send(response, openingChunk(header, reply));
  const count = reply.cutAfter ?? reply.deltas.length;
  for await (const index of engine.pace({ reply, startedAt, count, abortSignal })) {
    await send(response, deltaChunk(header, reply, index));
  }
  if (reply.fault === 'cut') {
    await dropConnection(response);
    return;
  }
  await send(response, finishChunk(header, reply));
  if (includeUsage) await send(response, usageChunk(header, reply));
  response.end('data: [DONE]\n\n');
}

/** Writes one event. */
function send(response: ServerResponse, payload: unknown): Promise<void> {
  return writeServerEvent(response, `data: ${JSON.stringify(payload)}\n\n`);
}
