/** What quire needs to know about one hosted provider a model spec can name. */
export interface HostedProvider {
  /** The environment variable that holds the API key; none for a local server. */
  keyVariable?: string;
  /** The environment variable that moves the provider's API elsewhere (a proxy, a test server). */
  baseUrlVariable?: string;
  /** A model id to show in the help of an error. */
  example: string;
}

/**
 * The providers behind `<provider>:<model-id>` specs, each reached through its official AI SDK
 * package. Ollama is spoken to through its OpenAI-compatible endpoint.
 */
export const hostedProviders = {
  openai: { keyVariable: 'OPENAI_API_KEY', example: 'gpt-4o-mini' },
  anthropic: {
    keyVariable: 'ANTHROPIC_API_KEY',
    baseUrlVariable: 'ANTHROPIC_BASE_URL',
    example: 'claude-sonnet-4-5',
  },
  google: {
    keyVariable: 'GOOGLE_GENERATIVE_AI_API_KEY',
    baseUrlVariable: 'GOOGLE_GENERATIVE_AI_BASE_URL',
    example: 'gemini-2.5-flash',
  },
  ollama: { baseUrlVariable: 'OLLAMA_HOST', example: 'llama3.1:8b' },
} as const satisfies Record<string, HostedProvider>;

/** The name of a hosted provider: `openai`, `anthropic`, `google` or `ollama`. */
export type HostedProviderName = keyof typeof hostedProviders;

/** True when `name` is a hosted provider quire knows. */
export function isHostedProvider(name: string): name is HostedProviderName {
  return Object.hasOwn(hostedProviders, name);
}

/**
 * What to check when a provider refuses the key, from the AI SDK provider name of the model
 * (`anthropic.messages`, `google.generative-ai`, `openai.chat`…): that provider's own variable.
 * Pure.
 */
export function credentialAdvice(provider: string | undefined): string {
  const name = provider?.split('.')[0] ?? '';
  const known: HostedProvider | undefined = isHostedProvider(name)
    ? hostedProviders[name]
    : undefined;
  const variable = known?.keyVariable;
  if (variable === undefined || variable === hostedProviders.openai.keyVariable) {
    return 'check OPENAI_API_KEY or "apiKey" in quire.config.json';
  }
  return `check ${variable}`;
}
