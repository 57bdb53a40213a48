import type { ResolvedModel } from '../resolve-model.js';
import type { ContextWindowState } from './context-window.js';
import { discoverContextWindow } from './discover-context-window.js';

/**
 * The window assumed when nothing tells it: what most current models offer (GPT-4o, Llama 3.1,
 * Qwen 2.5 and others have 128K). A smaller one is learned from the server's refusals.
 */
export const assumedContextTokens = 128_000;

/**
 * A run's context window before its first call: `model.contextTokens` when set, else the context
 * a `gguf:` model was loaded with (the size its file was trained for, as memory allows), else
 * what the OpenAI-compatible server behind the model (its own, else `baseUrl`) says (see
 * `discoverContextWindow`), else assumed.
 * OpenAI itself and the in-process simulated model are not asked: they have no such endpoint.
 */
export async function resolveContextWindow({
  contextTokens,
  model,
  baseUrl,
  apiKey,
  discover = discoverContextWindow,
}: {
  /** `model.contextTokens`, when configured. */
  contextTokens: number | undefined;
  model: ResolvedModel;
  baseUrl: string | undefined;
  apiKey?: string | undefined;
  discover?: typeof discoverContextWindow;
}): Promise<ContextWindowState> {
  if (contextTokens !== undefined) {
    // A gguf: model is loaded with this size, so the advice to widen it is quire's own setting.
    return { tokens: contextTokens, source: 'config', ...(model.local ? { server: 'gguf' } : {}) };
  }
  if (model.local) {
    return { tokens: await model.local.contextTokens(), source: 'gguf file', server: 'gguf' };
  }
  const server = model.baseUrl ?? baseUrl;
  if (!model.simulated && server !== undefined) {
    const found = await discover({ baseUrl: server, modelId: model.modelId, apiKey });
    if (found) return found;
  }
  return { tokens: assumedContextTokens, source: 'assumed' };
}
