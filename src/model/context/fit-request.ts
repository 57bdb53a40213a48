import { ContextOverflowError } from '../../errors/context-overflow-error.js';
import type { ModelObject } from '../call-settings.js';
import type { AttemptRequest } from '../stream-attempt.js';
import { countRequestTokens } from '../tokens/count-request-tokens.js';
import { loadTokenCounter } from '../tokens/load-token-counter.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import { tokenizerForModel } from '../tokens/tokenizer-for-model.js';
import type { ContextWindow } from './context-window.js';
import { formatTokens } from './format-tokens.js';
import { widenWindowAdvice } from './server-kind.js';

/** A request ready to send: its reply limit fitted to the window, and its size counted. */
export interface FittedRequest {
  request: AttemptRequest;
  /** quire's count of the prompt. */
  sentTokens: number;
  /** The lowest share of `sentTokens` a server may report for the prompt whole. */
  lowestRatio: number;
  counter: TokenCounter;
}

/**
 * Counts a request and, when the run knows the model's context window, lowers its reply limit
 * to what the window leaves beside the prompt. A prompt that leaves no room for even a short
 * reply is not sent: this throws `ContextOverflowError` (`tooLong`). Without a window, the
 * request is only counted, in the model's own vocabulary when quire has it.
 */
export async function fitRequest({
  model,
  request,
  window,
}: {
  model: ModelObject;
  request: AttemptRequest;
  window: ContextWindow | undefined;
}): Promise<FittedRequest> {
  const counter = window?.counter ?? (await loadTokenCounter(tokenizerForModel(model.modelId)));
  const { tokens: sentTokens, lowestRatio } = await countRequestTokens({ counter, request });
  if (window === undefined) return { request, sentTokens, lowestRatio, counter };
  const fit = window.fit({ sentTokens, outputTokens: request.maxOutputTokens });
  if (!fit.fits) {
    const { tokens, source, server } = window.state;
    throw new ContextOverflowError({
      reason: 'tooLong',
      message: `A prompt of about ${formatTokens(sentTokens)} tokens leaves no room for a reply in the ${formatTokens(tokens)}-token context window of ${model.modelId} (${source}): shorten the request, or ${widenWindowAdvice({ server })}.`,
      server,
      windowTokens: tokens,
      promptTokens: sentTokens,
      sentTokens,
      outputTokens: request.maxOutputTokens,
    });
  }
  return {
    request: { ...request, maxOutputTokens: fit.outputTokens },
    sentTokens,
    lowestRatio,
    counter,
  };
}
