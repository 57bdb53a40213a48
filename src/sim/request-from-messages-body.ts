import type { MessagesBody } from './messages-body-schema.js';
import type { InvalidChatRequest } from './request-from-chat-body.js';
import type { SimMessage, SimRequest, SimToolChoice } from './sim-request.js';

/**
 * Translates a validated Anthropic Messages body into a `SimRequest`, the shape the chat
 * endpoint and the in-process model build too, so the same prompt gets the same reply whichever
 * way it arrives. Tool use and tool results are written out as text, as the chat endpoint does.
 * Returns the problem instead when the body is well-formed but inconsistent. Pure.
 */
export function requestFromMessagesBody(body: MessagesBody): SimRequest | InvalidChatRequest {
  const tools = (body.tools ?? []).map((tool) => ({
    name: tool.name,
    description: tool.description,
    inputSchema: tool.input_schema,
  }));
  const choice = body.tool_choice;
  let toolChoice: SimToolChoice = tools.length === 0 ? { type: 'none' } : { type: 'auto' };
  if (choice?.type === 'any') toolChoice = { type: 'required' };
  else if (choice?.type === 'none') toolChoice = { type: 'none' };
  else if (choice?.type === 'tool') {
    if (!tools.some((tool) => tool.name === choice.name)) {
      return {
        message: `tool_choice: tool '${choice.name}' is not among the request's tools.`,
        param: 'tool_choice',
      };
    }
    toolChoice = { type: 'tool', toolName: choice.name };
  }
  const system =
    typeof body.system === 'string'
      ? body.system
      : (body.system ?? []).map((block) => block.text).join('\n');
  const format = body.output_config?.format;
  return {
    messages: [
      ...(system === '' ? [] : [{ role: 'system' as const, text: system }]),
      ...body.messages.flatMap(messagesOf),
    ],
    responseFormat: format ? { type: 'json', schema: format.schema } : { type: 'text' },
    tools,
    toolChoice,
    maxOutputTokens: body.max_tokens,
    seed: undefined,
  };
}

/** One Anthropic message as sim messages: tool results become `tool` messages of their own. */
function messagesOf(message: MessagesBody['messages'][number]): SimMessage[] {
  if (typeof message.content === 'string') return [{ role: message.role, text: message.content }];
  const texts: string[] = [];
  const results: SimMessage[] = [];
  for (const block of message.content) {
    if (block.type === 'text') texts.push(block.text ?? '');
    else if (block.type === 'tool_use') texts.push(`${block.name}(${JSON.stringify(block.input)})`);
    else if (block.type === 'tool_result') results.push({ role: 'tool', text: resultText(block) });
  }
  const own = texts.length > 0 ? [{ role: message.role, text: texts.join('\n') }] : [];
  return [...results, ...own];
}

function resultText(block: { content?: string | { type: string; text?: unknown }[] }): string {
  if (typeof block.content === 'string') return block.content;
  return (block.content ?? [])
    .map((part) => (typeof part.text === 'string' ? part.text : ''))
    .join('');
}
