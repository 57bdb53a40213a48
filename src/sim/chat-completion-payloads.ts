import type { SimReply } from './sim-reply.js';

/** What every chunk and body of one reply shares. */
export interface ReplyHeader {
  id: string;
  /** Unix seconds. */
  created: number;
  /** The model name the client asked for, echoed back as providers do. */
  model: string;
}

const finishReasons = { stop: 'stop', length: 'length', 'tool-calls': 'tool_calls' } as const;

/** The `usage` object of the OpenAI chat API, with cached prompt and reasoning tokens. */
export function usagePayload(reply: SimReply) {
  const { inputTokens, cachedInputTokens, outputTokens, reasoningTokens } = reply.usage;
  return {
    prompt_tokens: inputTokens,
    completion_tokens: outputTokens,
    total_tokens: inputTokens + outputTokens,
    prompt_tokens_details: { cached_tokens: cachedInputTokens },
    ...(reasoningTokens > 0
      ? { completion_tokens_details: { reasoning_tokens: reasoningTokens } }
      : {}),
  };
}

/** True when the reply's thinking goes in a field of its own rather than in the content. */
function separateThinking(reply: SimReply): reply is SimReply & {
  thinkingForm: 'reasoning_content' | 'reasoning';
} {
  return reply.thinkingForm === 'reasoning_content' || reply.thinkingForm === 'reasoning';
}

/** The body of a non-streamed chat completion; without `usage` when the server reports none. */
export function completionBody({
  header,
  reply,
  usage,
}: {
  header: ReplyHeader;
  reply: SimReply;
  usage: boolean;
}) {
  const toolCalls = reply.toolCalls.map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.toolName, arguments: call.input },
  }));
  const inContent = reply.thinkingForm === 'tags' && reply.thinking !== '';
  return {
    ...base(header, 'chat.completion'),
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          content:
            toolCalls.length > 0 && !inContent
              ? null
              : `${inContent ? reply.thinking : ''}${reply.text}`,
          ...(separateThinking(reply) && reply.thinking !== ''
            ? { [reply.thinkingForm]: reply.thinking }
            : {}),
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: finishReasons[reply.finishReason],
      },
    ],
    ...(usage ? { usage: usagePayload(reply) } : {}),
  };
}

/**
 * The first chunk of a stream: the role, and the tool call's id and name when there is one and
 * no thinking comes first (after thinking, the first argument chunk carries them).
 */
export function openingChunk(header: ReplyHeader, reply: SimReply) {
  const call = reply.toolCalls[0];
  const delta =
    call && reply.thinkingDeltas === 0
      ? { role: 'assistant' as const, content: null, tool_calls: [toolCallHeader(reply)] }
      : { role: 'assistant' as const, content: '' };
  return chunk(header, delta, null);
}

/**
 * A chunk carrying delta `index` of the reply: a piece of the thinking (in its own field, or in
 * the content for `tags`), of the text, or of the tool call's arguments.
 */
export function deltaChunk(header: ReplyHeader, reply: SimReply, index: number) {
  const piece = reply.deltas[index] ?? '';
  if (index < reply.thinkingDeltas) {
    const field = separateThinking(reply) ? reply.thinkingForm : 'content';
    return chunk(header, { [field]: piece }, null);
  }
  if (reply.toolCalls.length === 0) return chunk(header, { content: piece }, null);
  const opening = reply.thinkingDeltas > 0 && index === reply.thinkingDeltas;
  const toolCall = opening
    ? {
        ...toolCallHeader(reply),
        function: { name: reply.toolCalls[0]?.toolName, arguments: piece },
      }
    : { index: 0, function: { arguments: piece } };
  return chunk(header, { tool_calls: [toolCall] }, null);
}

function toolCallHeader(reply: SimReply) {
  const call = reply.toolCalls[0];
  return {
    index: 0,
    id: call?.id,
    type: 'function' as const,
    function: { name: call?.toolName, arguments: '' },
  };
}

/** The chunk that says why the reply ended. */
export function finishChunk(header: ReplyHeader, reply: SimReply) {
  return chunk(header, {}, finishReasons[reply.finishReason]);
}

/** The chunk sent last when the client asked for `stream_options.include_usage`. */
export function usageChunk(header: ReplyHeader, reply: SimReply) {
  return { ...base(header, 'chat.completion.chunk'), choices: [], usage: usagePayload(reply) };
}

function chunk(header: ReplyHeader, delta: object, finishReason: string | null) {
  return {
    ...base(header, 'chat.completion.chunk'),
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

function base(header: ReplyHeader, object: string) {
  return {
    id: header.id,
    object,
    created: header.created,
    model: header.model,
    system_fingerprint: 'quire-sim',
  };
}
