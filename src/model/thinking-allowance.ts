/** Output tokens a known reasoning model gets for its thinking, on top of each call's limit. */
export const defaultThinkingTokens = 8_192;

// Families that think before answering: Qwen3 and QwQ, DeepSeek-R1 and its distills,
// gpt-oss, OpenAI's o-series and gpt-5, Magistral, Phi-4-reasoning, and any "-thinking" or
// "-reasoning" variant. Ids come as `qwen3:32b`, `Qwen/QwQ-32B`, `deepseek-r1:14b`, `o4-mini`…
const reasoningModelId =
  /(?:^|[/:_-])(?:qwen3|qwq|deepseek-r1|r1-distill|deepseek-reasoner|gpt-oss|magistral|phi-?4-(?:mini-)?reasoning|o[134](?:-|$)|gpt-5)|thinking|reasoning/i;

/** True when the model id names a family known to think before it answers. Pure. */
export function isKnownReasoningModel(modelId: string): boolean {
  return reasoningModelId.test(modelId);
}

/**
 * Output tokens to add to every limited call for the model's thinking: the configured value
 * for its id, else `defaultThinkingTokens` when it is known to reason, else 0. Pure.
 */
export function thinkingAllowance({
  modelId,
  configured = {},
  reasons = false,
}: {
  modelId: string;
  /** The `thinkingTokens` config key: tokens per model id. */
  configured?: Record<string, number>;
  /** True when the model is known to think whatever its id (the simulated model told to). */
  reasons?: boolean;
}): number {
  return (
    configured[modelId] ?? (reasons || isKnownReasoningModel(modelId) ? defaultThinkingTokens : 0)
  );
}
