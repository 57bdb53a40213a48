import type { ServerResponse } from 'node:http';
import {
  type BlockKind,
  blockDelta,
  blockKindOf,
  blockStart,
  type MessageHeader,
  messageDelta,
  messageStart,
  signatureDelta,
} from './anthropic-message-payloads.js';
import { dropConnection } from './drop-connection.js';
import type { SimEngine } from './sim-engine.js';
import type { SimReply } from './sim-reply.js';
import { writeServerEvent } from './write-server-event.js';

/**
 * Streams a reply as Anthropic's Messages events: `message_start`, a `ping`, then for each
 * content block (thinking, text, tool use) `content_block_start`, its deltas on the engine's
 * latency schedule and `content_block_stop`, then `message_delta` with the stop reason and
 * output tokens, and `message_stop`. A `cut` reply stops part-way by dropping the connection.
 */
export async function writeMessageStream({
  engine,
  response,
  reply,
  header,
  startedAt,
  abortSignal,
}: {
  engine: SimEngine;
  response: ServerResponse;
  reply: SimReply;
  header: MessageHeader;
  startedAt: number;
  abortSignal: AbortSignal;
}): Promise<void> {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'request-id': header.id,
  });
  await send(response, messageStart(header, reply));
  await send(response, { type: 'ping' });
  let open: { kind: BlockKind; index: number } | undefined;
  const close = async () => {
    if (open === undefined) return;
    if (open.kind === 'thinking') await send(response, signatureDelta(open.index));
    await send(response, { type: 'content_block_stop', index: open.index });
  };
  const count = reply.cutAfter ?? reply.deltas.length;
  for await (const index of engine.pace({ reply, startedAt, count, abortSignal })) {
    const kind = blockKindOf(reply, index);
    if (open?.kind !== kind) {
      await close();
      open = { kind, index: open === undefined ? 0 : open.index + 1 };
      await send(response, blockStart(reply, kind, open.index));
    }
    await send(response, blockDelta(kind, open.index, reply.deltas[index] ?? ''));
  }
  if (reply.fault === 'cut') {
    await dropConnection(response);
    return;
  }
  // An empty reply is still one (empty) text block.
  if (open === undefined) {
    open = { kind: 'text', index: 0 };
    await send(response, blockStart(reply, 'text', 0));
  }
  await close();
  await send(response, messageDelta(reply));
  await send(response, { type: 'message_stop' });
  response.end();
}

/** Writes one named event. */
function send<Event extends { type: string }>(
  response: ServerResponse,
  event: Event,
): Promise<void> {
  return writeServerEvent(response, `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}
