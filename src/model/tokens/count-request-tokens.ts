import { asSchema, type ModelMessage } from 'ai';
import type { AttemptRequest } from '../stream-attempt.js';
import type { TokenCounter } from './token-counter.js';

/** Tokens a chat server adds around each message (role and separators), as OpenAI's format does. */
const perMessage = 4;
/** Tokens that open the reply. */
const replyPriming = 3;

/** A request's size, as quire counts it. */
export interface RequestCount {
  tokens: number;
  /** The lowest share of `tokens` a server may report for it whole (see `TokenCounter`). */
  lowestRatio: number;
}

/**
 * The input tokens one request costs, counted the way a chat server sees it: every message's
 * text, the tool calls and results written as JSON, the tools' and the output's JSON schemas,
 * plus a few tokens of framing per message. What usage estimates and context budgets count.
 */
export async function countRequestTokens({
  counter,
  request,
}: {
  counter: TokenCounter;
  request: AttemptRequest;
}): Promise<RequestCount> {
  const messages: ModelMessage[] =
    request.messages ??
    // Stryker disable next-line ArrayDeclaration,StringLiteral: a request has a prompt when it has no messages, and a message's role is not counted
    (request.prompt === undefined ? [] : [{ role: 'user', content: request.prompt }]);
  const texts = [
    ...(request.system === undefined ? [] : [request.system]),
    ...messages.map(messageText),
  ];
  const schemas: unknown[] = [];
  if (request.output) {
    const format = await request.output.responseFormat;
    if (format?.type === 'json' && format.schema) schemas.push(format.schema);
  }
  for (const [name, tool] of Object.entries(request.tools ?? {})) {
    const inputSchema = await asSchema(tool.inputSchema).jsonSchema;
    schemas.push({ name, description: tool.description, inputSchema });
  }
  const schemaTexts = schemas.map((schema) => JSON.stringify(schema));
  const all = [...texts, ...schemaTexts];
  const tokens = all.reduce(
    (sum, text) => sum + counter.count(text),
    replyPriming + perMessage * texts.length,
  );
  return { tokens, lowestRatio: counter.lowestRatio(all.join('\n')) };
}

/** A message's content as the text a server tokenizes. */
function messageText(message: ModelMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content
    .map((part) => {
      switch (part.type) {
        case 'text':
        case 'reasoning':
          return part.text;
        case 'tool-call':
          return `${part.toolName}(${JSON.stringify(part.input)})`;
        case 'tool-result':
          return JSON.stringify(part.output);
        default:
          return '';
      }
    })
    .join('\n');
}
