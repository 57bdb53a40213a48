import { createOpenAI } from '@ai-sdk/openai';
import { MissingApiKeyError } from '../errors/missing-api-key-error.js';
import type { ModelObject } from './call-settings.js';
import { parseModelSpec } from './model-spec.js';

/** A model ready to call, with what quire needs to know about it. */
export interface ResolvedModel {
  model: ModelObject;
  /** The spec as given, e.g. `openai:gpt-4o-mini`. */
  spec: string;
  /** The model id used for prices and reports. */
  modelId: string;
  /** True for the built-in simulated model, whose text is placeholder prose. */
  simulated: boolean;
}

/**
 * Turns a model spec into an AI SDK model. `openai:<id>` always uses the Chat Completions API,
 * which OpenAI and every OpenAI-compatible server (vLLM, Ollama, llama.cpp, LM Studio) speak.
 */
export function resolveModel({
  spec,
  apiKey,
  baseUrl,
}: {
  spec: string;
  apiKey?: string;
  baseUrl?: string;
}): ResolvedModel {
  const parsed = parseModelSpec(spec);
  if (parsed.provider === 'sim') {
    throw new Error('the simulated model is not wired in yet');
  }
  if (apiKey === undefined && baseUrl === undefined) {
    throw new MissingApiKeyError({ modelSpec: parsed.spec });
  }
  const provider = createOpenAI({
    // Local servers ignore the key but the client insists on one.
    apiKey: apiKey ?? 'not-needed',
    baseURL: baseUrl,
  });
  return {
    model: provider.chat(parsed.modelId),
    spec: parsed.spec,
    modelId: parsed.modelId,
    simulated: false,
  };
}
