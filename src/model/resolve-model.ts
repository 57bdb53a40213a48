import { createOpenAI } from '@ai-sdk/openai';
import { MissingApiKeyError } from '../errors/missing-api-key-error.js';
import type { ModelObject } from './call-settings.js';
import { parseModelSpec } from './model-spec.js';
import { createSimModel } from './sim/create-sim-model.js';
import { parseSimSpec } from './sim/parse-sim-options.js';

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
 * `sim` / `sim:<key>=<value>,…` is the built-in simulated model (throws `SimOptionError` for a
 * bad option); each call creates a fresh one, with its own prompt cache.
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
    // Options are checked here, so a bad knob fails before any work starts.
    const model = createSimModel(parseSimSpec(parsed.options));
    return { model, spec: parsed.spec, modelId: 'sim', simulated: true };
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
