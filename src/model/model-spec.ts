import { ModelSpecError } from '../errors/model-spec-error.js';
import { type HostedProviderName, hostedProviders, isHostedProvider } from './hosted-providers.js';

/** A parsed `--model` value. */
export type ModelSpec =
  | { provider: HostedProviderName; modelId: string; spec: string }
  | { provider: 'sim'; options: string; spec: string }
  | { provider: 'gguf'; path: string; spec: string };

/**
 * Parses a model spec: `<provider>:<id>` for a hosted provider (`openai`, `anthropic`,
 * `google`, `ollama`; the id may hold colons, as Ollama's tags do), `gguf:<path>` for a local
 * GGUF model, or `sim` / `sim:<key=value,…>`. Pure; throws `ModelSpecError` with the accepted
 * forms when the spec matches none.
 */
export function parseModelSpec(spec: string): ModelSpec {
  const trimmed = spec.trim();
  const colon = trimmed.indexOf(':');
  const provider = colon < 0 ? trimmed : trimmed.slice(0, colon);
  const rest = colon < 0 ? '' : trimmed.slice(colon + 1).trim();
  if (provider === 'sim') return { provider: 'sim', options: rest, spec: trimmed };
  if (provider === 'gguf') {
    if (rest === '') {
      throw new ModelSpecError({
        spec,
        message: `Model spec "${spec}" names no file: write gguf:<path>, e.g. gguf:./models/model.Q4_K_M.gguf.`,
      });
    }
    return { provider: 'gguf', path: rest, spec: trimmed };
  }
  if (isHostedProvider(provider)) {
    if (rest === '') {
      const example = `${provider}:${hostedProviders[provider].example}`;
      throw new ModelSpecError({
        spec,
        message: `Model spec "${spec}" names no model: write ${provider}:<model-id>, e.g. ${example}.`,
      });
    }
    return { provider, modelId: rest, spec: `${provider}:${rest}` };
  }
  throw new ModelSpecError({
    spec,
    message: `Unknown model "${spec}": use openai:<model-id> (OpenAI or, with --base-url, any OpenAI-compatible server), anthropic:<model-id>, google:<model-id>, ollama:<model-id>, gguf:<path> (a local GGUF model run in-process) or sim for the offline simulated model.`,
  });
}
