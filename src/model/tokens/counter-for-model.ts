import type { ResolvedModel } from '../resolve-model.js';
import { loadTokenCounter } from './load-token-counter.js';
import type { TokenCounter } from './token-counter.js';
import { tokenizerForModel } from './tokenizer-for-model.js';

/**
 * The token counter for a model: its own tokenizer when it runs in-process (`gguf:`), else the
 * vocabulary its id names (see `tokenizerForModel`).
 */
export function counterForModel(
  model: Pick<ResolvedModel, 'modelId' | 'local'>,
): Promise<TokenCounter> {
  return model.local?.tokenCounter() ?? loadTokenCounter(tokenizerForModel(model.modelId));
}
