import { extractReasoningMiddleware, wrapLanguageModel } from 'ai';
import type { ModelObject } from './call-settings.js';

/**
 * The tags reasoning models wrap their thinking in when a server leaves it in the content:
 * `<think>` (Qwen3, QwQ, DeepSeek-R1 and its distills), `<thinking>` and `<reasoning>` (other
 * fine-tunes and prompt templates).
 */
export const thinkingTags = ['think', 'thinking', 'reasoning'] as const;

/**
 * Wraps a model so that thinking sent inside the content, as a `<think>…</think>` block (or one
 * of the other `thinkingTags`), arrives as reasoning parts, the way providers that send it in a
 * separate field (`reasoning_content`, `reasoning`) already deliver it. Uses the AI SDK's own
 * `extractReasoningMiddleware`, one per tag. A model of an older specification is returned as
 * it is, since the middleware cannot wrap it.
 */
export function separateThinking(model: ModelObject): ModelObject {
  if (model.specificationVersion !== 'v3') return model;
  return wrapLanguageModel({
    model,
    middleware: thinkingTags.map((tagName) => extractReasoningMiddleware({ tagName })),
  });
}
