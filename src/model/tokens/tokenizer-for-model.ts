import type { TokenizerName } from './token-counter.js';

/**
 * Model ids (after any `provider/` prefix, and the `ft:` of a fine-tuned one) that use
 * o200k_base, as OpenAI documents them.
 */
const o200k = /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o1|o3|o4)/;
/** The older OpenAI chat models, on cl100k_base. */
const cl100k = /^(gpt-4|gpt-3\.5)/;

/**
 * The vocabulary to count a model's tokens in, chosen from its id: OpenAI models get their own
 * encoding; anything else (Llama, Qwen, Mistral… on a local server, and the simulated model)
 * gets quire's estimate, since no bundled tokenizer fits it. Pure.
 */
export function tokenizerForModel(modelId: string): TokenizerName {
  // A fine-tuned model (`ft:gpt-4o-mini-2024-07-18:org::id`) counts in its base model's vocabulary.
  const id = (modelId.toLowerCase().split('/').at(-1) ?? '').replace(/^ft:/, '');
  if (o200k.test(id)) return 'o200k_base';
  if (cl100k.test(id)) return 'cl100k_base';
  return 'quire-estimate';
}
