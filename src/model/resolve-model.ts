import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { MissingApiKeyError } from '../errors/missing-api-key-error.js';
import { createSimModel } from '../sim/create-sim-model.js';
import { parseSimSpec } from '../sim/parse-sim-options.js';
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
  /** True when the model is known to think before answering whatever its id (sim with `think`). */
  reasons?: boolean;
}

/**
 * Turns a model spec into an AI SDK model. `openai:<id>` always uses the Chat Completions API.
 * Without a base URL it is OpenAI's own client; with one (vLLM, Ollama, llama.cpp, LM Studio,
 * DeepSeek…) it is the AI SDK's OpenAI-compatible client, which reads the thinking such servers
 * send in `reasoning_content` or `reasoning` (OpenAI's client drops it). `sim` /
 * `sim:<key>=<value>,…` is the built-in simulated model (throws `SimOptionError` for a bad
 * option); each call creates a fresh one, with its own prompt cache.
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
    const options = parseSimSpec(parsed.options);
    const model = createSimModel(options);
    return {
      model,
      spec: parsed.spec,
      modelId: 'sim',
      simulated: true,
      reasons: options.think !== 'off',
    };
  }
  const resolved = { spec: parsed.spec, modelId: parsed.modelId, simulated: false };
  if (baseUrl !== undefined) {
    const provider = createOpenAICompatible({
      name: 'openai-compatible',
      baseURL: baseUrl,
      // Local servers ignore the key; hosted ones need it.
      apiKey,
      includeUsage: true,
      supportsStructuredOutputs: true,
    });
    return { ...resolved, model: provider.chatModel(parsed.modelId) };
  }
  if (apiKey === undefined) throw new MissingApiKeyError({ modelSpec: parsed.spec });
  return { ...resolved, model: createOpenAI({ apiKey }).chat(parsed.modelId) };
}
