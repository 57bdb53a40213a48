import type { ChatBody } from './chat-body-schema.js';
import type { SimMessage, SimRequest, SimToolChoice } from './sim-request.js';

/** A request the server refuses with HTTP 400, naming the offending parameter. */
export interface InvalidChatRequest {
  message: string;
  param: string;
}

/**
 * Translates a validated chat-completions body into a `SimRequest`, the same shape the
 * in-process model builds from AI SDK call options. Returns the problem instead when the body is
 * well-formed but inconsistent (a tool choice naming no offered tool). Pure.
 */
export function requestFromChatBody(body: ChatBody): SimRequest | InvalidChatRequest {
  const tools = (body.tools ?? []).map((tool) => ({
    name: tool.function.name,
    description: tool.function.description ?? undefined,
    inputSchema: tool.function.parameters ?? { type: 'object', properties: {} },
  }));
  const choice = body.tool_choice;
  if (choice != null && tools.length === 0) {
    return {
      message: "'tool_choice' is only allowed when 'tools' are given.",
      param: 'tool_choice',
    };
  }
  let toolChoice: SimToolChoice = tools.length === 0 ? { type: 'none' } : { type: 'auto' };
  if (typeof choice === 'string') toolChoice = { type: choice };
  else if (choice != null) {
    if (!tools.some((tool) => tool.name === choice.function.name)) {
      return {
        message: `Tool '${choice.function.name}' named in 'tool_choice' is not among 'tools'.`,
        param: 'tool_choice',
      };
    }
    toolChoice = { type: 'tool', toolName: choice.function.name };
  }
  const format = body.response_format;
  return {
    messages: body.messages.map(messageOf),
    responseFormat:
      format?.type === 'json_schema'
        ? { type: 'json', schema: format.json_schema.schema }
        : format?.type === 'json_object'
          ? { type: 'json', schema: undefined }
          : { type: 'text' },
    tools,
    toolChoice,
    maxOutputTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    seed: body.seed ?? undefined,
    reasoningEffort: body.reasoning_effort ?? undefined,
  };
}

function messageOf(message: ChatBody['messages'][number]): SimMessage {
  const content = message.content;
  const text =
    typeof content === 'string'
      ? content
      : (content ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
  const role = message.role === 'developer' ? 'system' : message.role;
  if (role !== 'assistant') return { role, text };
  const calls = (message.tool_calls ?? []).map(
    (call) => `${call.function.name}(${call.function.arguments})`,
  );
  return { role, text: [text, ...calls].filter(Boolean).join('\n') };
}
