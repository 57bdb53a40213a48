import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { ProviderV3 } from '@ai-sdk/provider';
import { createProviderRegistry } from 'ai';

/** Where each provider of the registry is reached, and with which keys. */
export interface RegistrySettings {
  /** OpenAI's key (`openai:` without a base URL). */
  openaiKey?: string;
  /** An OpenAI-compatible server that `openai:` specs go to instead of OpenAI. */
  openaiBaseUrl?: string;
  anthropicKey?: string;
  anthropicBaseUrl?: string;
  googleKey?: string;
  googleBaseUrl?: string;
  /** Ollama's OpenAI-compatible endpoint, e.g. `http://127.0.0.1:11434/v1`. */
  ollamaBaseUrl: string;
}

/**
 * The AI SDK provider registry behind quire's hosted model specs: `openai:`, `anthropic:`,
 * `google:` and `ollama:` ids resolve through it. `openai:` always speaks Chat Completions:
 * OpenAI's own client, or with a base URL the OpenAI-compatible client, which reads the
 * thinking such servers send in `reasoning_content` (OpenAI's client drops it). Ollama goes
 * through the same compatible client, with usage asked for on streams.
 */
export function createModelRegistry(settings: RegistrySettings) {
  return createProviderRegistry({
    openai:
      settings.openaiBaseUrl === undefined
        ? chatCompletionsOnly(createOpenAI({ apiKey: settings.openaiKey }))
        : compatible({
            name: 'openai-compatible',
            baseURL: settings.openaiBaseUrl,
            // Local servers ignore the key; hosted ones need it.
            apiKey: settings.openaiKey,
          }),
    anthropic: createAnthropic({
      apiKey: settings.anthropicKey,
      baseURL: settings.anthropicBaseUrl,
    }),
    google: createGoogleGenerativeAI({
      apiKey: settings.googleKey,
      baseURL: settings.googleBaseUrl,
    }),
    ollama: compatible({ name: 'ollama', baseURL: settings.ollamaBaseUrl }),
  });
}

function compatible({
  name,
  baseURL,
  apiKey,
}: {
  name: string;
  baseURL: string;
  apiKey?: string;
}): ProviderV3 {
  const provider = createOpenAICompatible({
    name,
    baseURL,
    apiKey,
    includeUsage: true,
    supportsStructuredOutputs: true,
  });
  return { ...providerShape(provider), languageModel: (id) => provider.chatModel(id) };
}

function chatCompletionsOnly(provider: ReturnType<typeof createOpenAI>): ProviderV3 {
  return { ...providerShape(provider), languageModel: (id) => provider.chat(id) };
}

/** The parts of a provider the registry may ask for besides language models. */
function providerShape(provider: Pick<ProviderV3, 'embeddingModel' | 'imageModel'>) {
  return {
    specificationVersion: 'v3' as const,
    embeddingModel: (id: string) => provider.embeddingModel(id),
    imageModel: (id: string) => provider.imageModel(id),
  };
}
