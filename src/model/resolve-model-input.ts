import type { ModelObject } from './call-settings.js';
import type { GgufSettings } from './gguf/gguf-settings.js';
import { type ResolvedModel, resolveModel } from './resolve-model.js';

/**
 * A model as a library caller gives it: a spec string (`sim`, `anthropic:<id>`…), any AI SDK
 * language model object (a provider's model, one wrapped in middleware, a mock), or a model
 * quire has already resolved.
 */
export type ModelInput = string | ModelObject | ResolvedModel;

/**
 * Turns any `ModelInput` into a resolved model: a spec through `resolveModel` (with `apiKey`,
 * `baseUrl`, `gguf`, `contextTokens` and `env` as there), a model object as it is, named by its id.
 */
export function resolveModelInput({
  model,
  apiKey,
  baseUrl,
  gguf,
  contextTokens,
  env,
}: {
  model: ModelInput;
  apiKey?: string;
  baseUrl?: string;
  gguf?: GgufSettings;
  contextTokens?: number | undefined;
  env?: Record<string, string | undefined>;
}): ResolvedModel {
  if (typeof model === 'string') {
    return resolveModel({ spec: model, apiKey, baseUrl, gguf, contextTokens, env });
  }
  if (isResolved(model)) return model;
  return { model, spec: model.modelId, modelId: model.modelId, simulated: false };
}

function isResolved(model: ModelObject | ResolvedModel): model is ResolvedModel {
  return 'simulated' in model && 'spec' in model && typeof model.model === 'object';
}
