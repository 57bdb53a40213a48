import type { SimReply } from './sim-reply.js';

/** What every event and body of one Messages reply shares. */
export interface MessageHeader {
  id: string;
  /** The model name the client asked for, echoed back as Anthropic does. */
  model: string;
}

/** The kind of content block a piece of the reply belongs to. */
export type BlockKind = 'thinking' | 'text' | 'tool_use';

const stopReasons = { stop: 'end_turn', length: 'max_tokens', 'tool-calls': 'tool_use' } as const;

// Anthropic signs thinking so it can be sent back; the sim's signature only has to be present.
const thinkingSignature = 'quire-sim-signature';

/** True when the reply's thinking is a block of its own rather than tags in the text. */
function thinkingBlock(reply: SimReply): boolean {
  return reply.thinkingForm !== 'off' && reply.thinkingForm !== 'tags' && reply.thinking !== '';
}

/**
 * Anthropic's `usage`: `input_tokens` counts only the input not read from the cache, which is
 * `cache_read_input_tokens`; the thinking is part of `output_tokens`.
 */
export function messageUsage(reply: SimReply) {
  const { inputTokens, cachedInputTokens, outputTokens } = reply.usage;
  return {
    input_tokens: inputTokens - cachedInputTokens,
    output_tokens: outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cachedInputTokens,
  };
}

/** The body of a non-streamed Messages reply: its thinking, text and tool-use blocks. */
export function messageBody(header: MessageHeader, reply: SimReply) {
  const inText = reply.thinkingForm === 'tags' ? reply.thinking : '';
  const text = `${inText}${reply.text}`;
  return {
    ...messageShell(header),
    content: [
      ...(thinkingBlock(reply)
        ? [{ type: 'thinking', thinking: reply.thinking, signature: thinkingSignature }]
        : []),
      ...(text !== '' || reply.toolCalls.length === 0 ? [{ type: 'text', text }] : []),
      ...reply.toolCalls.map((call) => ({
        type: 'tool_use',
        id: call.id,
        name: call.toolName,
        input: parseInput(call.input),
      })),
    ],
    stop_reason: stopReasons[reply.finishReason],
    usage: messageUsage(reply),
  };
}

/** The `message_start` event: the message without content, and the input tokens. */
export function messageStart(header: MessageHeader, reply: SimReply) {
  return {
    type: 'message_start',
    message: {
      ...messageShell(header),
      content: [],
      stop_reason: null,
      usage: { ...messageUsage(reply), output_tokens: 1 },
    },
  };
}

/** The block delta `index` of the reply belongs to. */
export function blockKindOf(reply: SimReply, index: number): BlockKind {
  if (index < reply.thinkingDeltas) return thinkingBlock(reply) ? 'thinking' : 'text';
  return reply.toolCalls.length > 0 ? 'tool_use' : 'text';
}

/** The `content_block_start` event of a block of `kind`. */
export function blockStart(reply: SimReply, kind: BlockKind, index: number) {
  const call = reply.toolCalls[0];
  const block =
    kind === 'thinking'
      ? { type: 'thinking', thinking: '' }
      : kind === 'tool_use'
        ? { type: 'tool_use', id: call?.id, name: call?.toolName, input: {} }
        : { type: 'text', text: '' };
  return { type: 'content_block_start', index, content_block: block };
}

/** The `content_block_delta` event carrying `piece` in a block of `kind`. */
export function blockDelta(kind: BlockKind, index: number, piece: string) {
  const delta =
    kind === 'thinking'
      ? { type: 'thinking_delta', thinking: piece }
      : kind === 'tool_use'
        ? { type: 'input_json_delta', partial_json: piece }
        : { type: 'text_delta', text: piece };
  return { type: 'content_block_delta', index, delta };
}

/** The signature that ends a thinking block, sent just before its `content_block_stop`. */
export function signatureDelta(index: number) {
  return {
    type: 'content_block_delta',
    index,
    delta: { type: 'signature_delta', signature: thinkingSignature },
  };
}

/** The `message_delta` event: why the reply stopped, and the output tokens. */
export function messageDelta(reply: SimReply) {
  return {
    type: 'message_delta',
    delta: { stop_reason: stopReasons[reply.finishReason], stop_sequence: null },
    usage: { output_tokens: reply.usage.outputTokens },
  };
}

function messageShell(header: MessageHeader) {
  return {
    id: header.id,
    type: 'message',
    role: 'assistant',
    model: header.model,
    stop_sequence: null,
  };
}

/** A tool call's input as an object; malformed JSON (an injected fault) is sent as it is. */
function parseInput(input: string): unknown {
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}
