import { MissingApiKeyError } from '../errors/missing-api-key-error.js';
import { createSimModel } from '../sim/create-sim-model.js';
import { parseSimSpec } from '../sim/parse-sim-options.js';
import type { ModelObject } from './call-settings.js';
import { createModelRegistry } from './create-model-registry.js';
import { createGgufModel, type LocalModelInfo } from './gguf/create-gguf-model.js';
import type { GgufSettings } from './gguf/gguf-settings.js';
import {
  type HostedProvider,
  type HostedProviderName,
  hostedProviders,
} from './hosted-providers.js';
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
  /** For a model run in-process (`gguf:`): its context size and tokenizer. */
  local?: LocalModelInfo;
  /** The OpenAI-compatible server behind the model (`--base-url`, Ollama), asked for its window. */
  baseUrl?: string;
}

/** Where Ollama listens when `OLLAMA_HOST` does not say. */
const ollamaDefaultHost = 'http://127.0.0.1:11434';

/**
 * Turns a model spec into an AI SDK model through quire's provider registry (see
 * `createModelRegistry`). `openai:<id>` speaks Chat Completions to OpenAI, or with `baseUrl` to
 * any OpenAI-compatible server (vLLM, llama.cpp, LM Studio, DeepSeek…). `anthropic:<id>` and
 * `google:<id>` use the official providers, with the key in `ANTHROPIC_API_KEY` /
 * `GOOGLE_GENERATIVE_AI_API_KEY` and an optional `ANTHROPIC_BASE_URL` /
 * `GOOGLE_GENERATIVE_AI_BASE_URL`. `ollama:<id>` goes to Ollama's OpenAI-compatible endpoint at
 * `baseUrl`, else `OLLAMA_HOST`, else the local default. A missing key throws
 * `MissingApiKeyError` naming its variable. `sim` / `sim:<key>=<value>,…` is the built-in
 * simulated model (throws `SimOptionError` for a bad option); each call creates a fresh one,
 * with its own prompt cache. `gguf:<path>` is a local GGUF model run in-process by the optional
 * node-llama-cpp (see `createGgufModel`).
 */
export function resolveModel({
  spec,
  apiKey,
  baseUrl,
  gguf,
  contextTokens,
  env = process.env,
}: {
  spec: string;
  /** OpenAI's key (`OPENAI_API_KEY` or the config's `apiKey`). */
  apiKey?: string;
  /** An OpenAI-compatible server for `openai:` and `ollama:` specs. */
  baseUrl?: string;
  /** How a `gguf:` model runs (config `gguf`). */
  gguf?: GgufSettings;
  /** `model.contextTokens`: for a `gguf:` model, the context it is loaded with. */
  contextTokens?: number | undefined;
  /** Where the other providers' keys and base URLs are read. */
  env?: Record<string, string | undefined>;
}): ResolvedModel {
  const parsed = parseModelSpec(spec);
  if (parsed.provider === 'gguf') {
    const created = createGgufModel({ path: parsed.path, settings: gguf, contextTokens });
    return { ...created, spec: parsed.spec, modelId: created.model.modelId, simulated: false };
  }
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
  const read = (variable: string) => {
    const value = env[variable]?.trim();
    return value === '' ? undefined : value;
  };
  const openaiBaseUrl = parsed.provider === 'openai' ? baseUrl : undefined;
  const ollamaBaseUrl =
    baseUrl ?? ollamaEndpoint(read(hostedProviders.ollama.baseUrlVariable) ?? ollamaDefaultHost);
  const settings = {
    openaiKey: apiKey,
    openaiBaseUrl,
    anthropicKey: read(hostedProviders.anthropic.keyVariable),
    anthropicBaseUrl: read(hostedProviders.anthropic.baseUrlVariable),
    googleKey: read(hostedProviders.google.keyVariable),
    googleBaseUrl: read(hostedProviders.google.baseUrlVariable),
    ollamaBaseUrl,
  };
  const provider: HostedProvider = hostedProviders[parsed.provider];
  const keys: Record<HostedProviderName, string | undefined> = {
    openai: apiKey,
    anthropic: settings.anthropicKey,
    google: settings.googleKey,
    ollama: undefined,
  };
  const key = keys[parsed.provider];
  // An OpenAI-compatible server may need no key; OpenAI itself always does.
  if (provider.keyVariable !== undefined && openaiBaseUrl === undefined && key === undefined) {
    throw new MissingApiKeyError({ modelSpec: parsed.spec, variable: provider.keyVariable });
  }
  const model = createModelRegistry(settings).languageModel(`${parsed.provider}:${parsed.modelId}`);
  const server = parsed.provider === 'ollama' ? ollamaBaseUrl : openaiBaseUrl;
  return {
    model,
    spec: parsed.spec,
    modelId: parsed.modelId,
    simulated: false,
    ...(server === undefined ? {} : { baseUrl: server }),
  };
}

/** Ollama's OpenAI-compatible endpoint on a host given as Ollama writes it (`host:port` or a URL). */
function ollamaEndpoint(host: string): string {
  const url = /^https?:\/\//.test(host) ? host : `http://${host}`;
  return `${url.replace(/\/+$/, '')}/v1`;
}
