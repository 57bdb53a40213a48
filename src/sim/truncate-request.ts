import { estimateTokens } from '../util/estimate-tokens.js';
import { renderSimPrompt } from './render-sim-prompt.js';
import type { SimMessage, SimRequest } from './sim-request.js';

/**
 * Cuts a request's messages from the start until the whole request is at most `maxTokens`, as
 * Ollama does with a prompt longer than its `num_ctx`: the system prompt and the start of the
 * request go first, the end of the conversation stays. Pure.
 */
export function truncateRequest({
  request,
  maxTokens,
}: {
  request: SimRequest;
  maxTokens: number;
}): SimRequest {
  const withMessages = (messages: SimMessage[]) => ({ ...request, messages });
  const fits = (messages: SimMessage[]) =>
    estimateTokens(renderSimPrompt(withMessages(messages))) <= maxTokens;
  const all = request.messages;
  // The first message that can stay whole: everything from it on fits.
  let first = 0;
  while (first < all.length - 1 && !fits(all.slice(first))) first++;
  // The message before it (or the last one, if even that does not fit alone) keeps its end.
  const cutAt = fits(all.slice(first)) ? first - 1 : first;
  if (cutAt < 0) return request;
  const rest = all.slice(cutAt + 1);
  const cut = all[cutAt] as SimMessage;
  let low = 0;
  let high = cut.text.length;
  while (low < high) {
    const keep = Math.ceil((low + high) / 2);
    if (fits([{ ...cut, text: cut.text.slice(-keep) }, ...rest])) low = keep;
    else high = keep - 1;
  }
  const kept = low === 0 ? [] : [{ ...cut, text: cut.text.slice(-low) }];
  return withMessages([...kept, ...rest]);
}
