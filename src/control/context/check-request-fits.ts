import type { ContextWindow } from '../../model/context/context-window.js';
import { formatTokens } from '../../model/context/format-tokens.js';
import { widenWindowAdvice } from '../../model/context/server-kind.js';
import { checkRequestSize } from '../../task/check-request-size.js';

/**
 * Refuses a request that cannot fit the model's context window beside quire's instructions
 * and a reply: more than half of the window. Throws `UsageError` with the numbers (the request,
 * the window and where it came from, the rest left for the reply) and the fix. Pure.
 */
export function checkRequestFits({
  request,
  window,
}: {
  request: string;
  window: ContextWindow;
}): void {
  const { tokens, source, server } = window.state;
  const budget = window.budget();
  // The window this request needs: twice its size, plus the margin quire keeps, in round KiB.
  const requestTokens = window.counter.count(request);
  const needed = Math.ceil((2 * requestTokens * (tokens / budget)) / 1024) * 1024;
  checkRequestSize({
    request,
    contextTokens: budget,
    // Stryker disable next-line StringLiteral: the setting names only the default limit and fix, both given here
    setting: 'model.contextTokens',
    limitName: `the model's ${formatTokens(tokens)}-token context window (${describeSource(source)})`,
    fix: widenWindowAdvice({ server, tokens: needed }),
    count: (text) => window.counter.count(text),
  });
}

function describeSource(source: string): string {
  if (source === 'config') return 'model.contextTokens';
  if (source === 'refusal' || source === 'truncation') return `learned from a ${source}`;
  return source === 'assumed' ? 'assumed' : `read from ${source}`;
}
