import type { ContextWindowState } from './context-window.js';
import { probeLlamaCpp } from './probe-llama-cpp.js';
import { probeOllama } from './probe-ollama.js';
import { probeVllm } from './probe-vllm.js';

/** How one discovery request is made: the server's root and `/v1` URLs, a key, a time limit. */
export interface ProbeTarget {
  /** The OpenAI base URL, e.g. `http://localhost:8000/v1`. */
  baseUrl: string;
  /** The server's root, e.g. `http://localhost:8000`. */
  rootUrl: string;
  modelId: string;
  /** Sends one request; resolves with the parsed JSON body, or undefined for any failure. */
  getJson(url: string, init?: { method: 'POST'; body: unknown }): Promise<unknown>;
}

/**
 * Asks an OpenAI-compatible server for its context window through the endpoints local servers
 * document: llama.cpp's `GET /props` (`default_generation_settings.n_ctx`), vLLM's
 * `GET /v1/models` (`max_model_len` of the model), Ollama's `POST /api/show` (`num_ctx` among
 * the model's parameters; without one, Ollama's default window). All three are tried at once,
 * each within `timeoutMs`; undefined when none answers.
 */
export async function discoverContextWindow({
  baseUrl,
  modelId,
  apiKey,
  timeoutMs = 3_000,
  fetch = globalThis.fetch,
}: {
  baseUrl: string;
  modelId: string;
  apiKey?: string | undefined;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}): Promise<ContextWindowState | undefined> {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const target: ProbeTarget = {
    baseUrl: trimmed,
    rootUrl: trimmed.replace(/\/v1$/, ''),
    modelId,
    getJson: async (url, init) => {
      try {
        const response = await fetch(url, {
          method: init?.method ?? 'GET',
          headers: {
            accept: 'application/json',
            ...(init ? { 'content-type': 'application/json' } : {}),
            ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
          },
          body: init ? JSON.stringify(init.body) : undefined,
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) {
          // Stryker disable next-line OptionalChaining: a reply without a body throws here, and the catch below returns undefined just the same
          await response.body?.cancel();
          return undefined;
        }
        return (await response.json()) as unknown;
      } catch {
        return undefined;
      }
    },
  };
  const [llamaCpp, vllm, ollama] = await Promise.all([
    probeLlamaCpp(target),
    probeVllm(target),
    probeOllama(target),
  ]);
  return llamaCpp ?? vllm ?? ollama;
}
