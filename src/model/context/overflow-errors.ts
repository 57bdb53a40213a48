import { APICallError } from 'ai';
import { ContextOverflowError } from '../../errors/context-overflow-error.js';
import type { CallUsage } from '../usage-meter.js';
import type { ContextWindow } from './context-window.js';
import { formatTokens } from './format-tokens.js';
import { parseContextOverflow } from './parse-context-overflow.js';
import { widenWindowAdvice } from './server-kind.js';

/**
 * The `ContextOverflowError` for a provider error that is a context-length refusal (the window
 * learns from it first), or undefined for any other error.
 */
export function refusalError({
  error,
  window,
  modelId,
  sentTokens,
  outputTokens,
}: {
  error: unknown;
  window: ContextWindow | undefined;
  modelId: string;
  sentTokens: number;
  outputTokens: number | undefined;
}): ContextOverflowError | undefined {
  if (!APICallError.isInstance(error)) return undefined;
  const overflow = parseContextOverflow({
    statusCode: error.statusCode,
    message: error.message,
    responseBody: error.responseBody,
  });
  if (overflow === undefined) return undefined;
  window?.learnFromRefusal({ overflow, sentTokens });
  const windowTokens = overflow.windowTokens ?? window?.state.tokens;
  const prompt = overflow.promptTokens ?? sentTokens;
  const limit =
    outputTokens === undefined ? '' : ` and a ${formatTokens(outputTokens)}-token reply limit`;
  return new ContextOverflowError({
    reason: 'refused',
    message: `${modelId} refused a prompt of ${formatTokens(prompt)} tokens${limit} as too long for its context window${overflow.windowTokens ? ` of ${formatTokens(overflow.windowTokens)} tokens` : ''}: shorten the request, or ${widenWindowAdvice({ server: overflow.server })}.`,
    server: overflow.server,
    windowTokens,
    promptTokens: overflow.promptTokens,
    sentTokens,
    outputTokens: overflow.outputTokens ?? outputTokens,
    cause: error,
  });
}

/**
 * The `ContextOverflowError` for a reply whose server counted far fewer prompt tokens than were
 * sent (it cut the prompt silently, as Ollama does past its `num_ctx`), or undefined for a
 * reply whose prompt arrived whole. Usage quire counted itself proves nothing and passes.
 */
export function truncationError({
  window,
  modelId,
  sentTokens,
  lowestRatio,
  usage,
}: {
  window: ContextWindow | undefined;
  modelId: string;
  sentTokens: number;
  lowestRatio: number;
  usage: CallUsage;
}): ContextOverflowError | undefined {
  if (window === undefined || usage.estimated) return undefined;
  const check = window.checkPrompt({ sentTokens, reportedTokens: usage.inputTokens, lowestRatio });
  if (check === 'whole') return undefined;
  const { server } = window.state;
  return new ContextOverflowError({
    reason: 'truncated',
    message: `${modelId} counted ${formatTokens(usage.inputTokens)} prompt tokens where quire sent about ${formatTokens(sentTokens)}: the server cut the prompt to fit its context window, so its reply cannot be trusted; ${widenWindowAdvice({ server })}.`,
    server,
    windowTokens: window.state.tokens,
    promptTokens: usage.inputTokens,
    sentTokens,
    usage,
  });
}
