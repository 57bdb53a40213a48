import { type ChatBody, ChatBodySchema } from './chat-body-schema.js';
import { type OpenAiErrorReply, openAiError } from './openai-error-body.js';
import { requestFromChatBody } from './request-from-chat-body.js';
import type { SimRequest } from './sim-request.js';

/** A chat-completions body read into a request, or the 400 reply explaining why not. */
export type ParsedChatRequest =
  | { ok: true; body: ChatBody; request: SimRequest }
  | { ok: false; error: OpenAiErrorReply };

/**
 * Parses and validates the text of a chat-completions body. Problems become OpenAI-shaped 400
 * errors naming the parameter (`messages[0].role`) and what was wrong with it. Pure.
 */
export function parseChatRequest(text: string): ParsedChatRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(
      `The request body is not valid JSON (${detail}). Send a JSON object with "model" and "messages".`,
      null,
      'invalid_json',
    );
  }
  const parsed = ChatBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = (issue?.path ?? [])
      .map((key, index) =>
        typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`,
      )
      .join('');
    const missing = issue?.code === 'invalid_type' && /received undefined/.test(issue.message);
    if (missing)
      return refuse(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
    return refuse(
      `Invalid value for '${param || 'body'}': ${issue?.message ?? 'not accepted'}.`,
      param || null,
      'invalid_value',
    );
  }
  const request = requestFromChatBody(parsed.data);
  if ('param' in request) return refuse(request.message, request.param, 'invalid_value');
  return { ok: true, body: parsed.data, request };
}

function refuse(
  message: string,
  param: string | null = null,
  code: string | null = null,
): ParsedChatRequest {
  return { ok: false, error: openAiError({ status: 400, message, param, code }) };
}
