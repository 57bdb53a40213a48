import { wrapLanguageModel } from 'ai';
import type { ResolvedModel } from '../model/resolve-model.js';

/**
 * The model with `seed` set on every call that does not set one, so repeated answers to one
 * prompt are different draws, each reproducible (OpenAI-compatible servers and the simulated
 * model honour the seed). Only AI SDK v3 models can be wrapped; others are returned as they
 * are.
 */
export function seededModel({
  model,
  seed,
}: {
  model: ResolvedModel;
  seed: number;
}): ResolvedModel {
  const inner = model.model;
  if (typeof inner !== 'object' || inner.specificationVersion !== 'v3') return model;
  return {
    ...model,
    model: wrapLanguageModel({
      model: inner,
      middleware: {
        specificationVersion: 'v3',
        transformParams: async ({ params }) => ({ ...params, seed: params.seed ?? seed }),
      },
    }),
  };
}
