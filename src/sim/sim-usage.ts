import type { LanguageModelV3FinishReason, LanguageModelV3Usage } from '@ai-sdk/provider';
import { usagePayload } from './chat-completion-payloads.js';
import type { SimReply } from './sim-reply.js';

/**
 * A reply's usage in the AI SDK's v3 shape, as its OpenAI client reports the same reply; every
 * count undefined when the server reports no usage (`reported` false), as that client does.
 */
export function v3Usage({
  reply,
  reported,
}: {
  reply: SimReply;
  reported: boolean;
}): LanguageModelV3Usage {
  if (!reported) {
    return {
      inputTokens: {
        total: undefined,
        noCache: undefined,
        cacheRead: undefined,
        cacheWrite: undefined,
      },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
  }
  const { inputTokens, cachedInputTokens, outputTokens, reasoningTokens } = reply.usage;
  return {
    inputTokens: {
      total: inputTokens,
      noCache: inputTokens - cachedInputTokens,
      cacheRead: cachedInputTokens,
      cacheWrite: undefined,
    },
    outputTokens: {
      total: outputTokens,
      text: outputTokens - reasoningTokens,
      reasoning: reasoningTokens,
    },
    raw: usagePayload(reply),
  };
}

/** A reply's finish reason in the AI SDK's v3 shape, with the OpenAI wire value as `raw`. */
export function v3FinishReason(reply: SimReply): LanguageModelV3FinishReason {
  const raw = reply.finishReason === 'tool-calls' ? 'tool_calls' : reply.finishReason;
  return { unified: reply.finishReason, raw };
}
