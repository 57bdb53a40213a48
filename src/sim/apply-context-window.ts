import { estimateTokens } from '../util/estimate-tokens.js';
import { contextRefusal } from './context-refusal.js';
import type { OpenAiErrorReply } from './openai-error-body.js';
import { renderSimPrompt } from './render-sim-prompt.js';
import type { SimOptions } from './sim-options.js';
import type { SimRequest } from './sim-request.js';
import { truncateRequest } from './truncate-request.js';

/** A request as the context window lets it through, or the refusal it gets. */
export type ContextFit =
  | {
      kind: 'fits';
      request: SimRequest;
      prompt: string;
      /** The prompt tokens to report when they differ from the prompt's own count. */
      reportedPromptTokens?: number;
    }
  | { kind: 'refused'; error: OpenAiErrorReply };

/**
 * What the imitated server does with a request and its `context` window. OpenAI refuses a
 * prompt plus `max_tokens` beyond it; vLLM too (and a prompt that fills it alone); llama.cpp
 * refuses only a prompt that fills it, and stops the reply where the window ends; Ollama cuts
 * the prompt from the start until it fits and goes on as if nothing happened, reporting the
 * window itself as the prompt's tokens (the cut prompt fills it). A window of 0 lets everything
 * through. Pure.
 */
export function applyContextWindow({
  request,
  options,
}: {
  request: SimRequest;
  options: Pick<SimOptions, 'context' | 'server'>;
}): ContextFit {
  const prompt = renderSimPrompt(request);
  const { context, server } = options;
  if (context <= 0) return { kind: 'fits', request, prompt };
  const promptTokens = estimateTokens(prompt);
  const maxOutputTokens = request.maxOutputTokens;
  if (server === 'ollama') {
    if (promptTokens <= context) return { kind: 'fits', request, prompt };
    const cut = truncateRequest({ request, maxTokens: context });
    return {
      kind: 'fits',
      request: cut,
      prompt: renderSimPrompt(cut),
      reportedPromptTokens: context,
    };
  }
  if (server === 'llama-cpp') {
    if (promptTokens >= context) {
      return {
        kind: 'refused',
        error: contextRefusal({ server, contextTokens: context, promptTokens, maxOutputTokens }),
      };
    }
    const room = context - promptTokens;
    const capped = Math.min(maxOutputTokens ?? room, room);
    return { kind: 'fits', request: { ...request, maxOutputTokens: capped }, prompt };
  }
  const needed = promptTokens + (maxOutputTokens ?? 0);
  if (promptTokens >= context || needed > context) {
    return {
      kind: 'refused',
      error: contextRefusal({ server, contextTokens: context, promptTokens, maxOutputTokens }),
    };
  }
  return { kind: 'fits', request, prompt };
}
