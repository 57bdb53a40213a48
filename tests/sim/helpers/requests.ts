import type { SimMessage, SimRequest } from '../../../src/sim/sim-request.js';

/** A text request with one user message (and an optional system message). */
export function createSimRequest({
  prompt,
  system,
  ...rest
}: Partial<SimRequest> & { prompt: string; system?: string }): SimRequest {
  const messages: SimMessage[] = [
    ...(system === undefined ? [] : [{ role: 'system' as const, text: system }]),
    { role: 'user', text: prompt },
  ];
  return {
    messages,
    responseFormat: { type: 'text' },
    tools: [],
    toolChoice: { type: 'none' },
    maxOutputTokens: undefined,
    seed: undefined,
    ...rest,
  };
}
