import { ContextBudgetError } from '../../errors/context-budget-error.js';
import type { ContextOverflowError } from '../../errors/context-overflow-error.js';
import type { Finding } from '../../evaluators/finding.js';
import { formatTokens } from '../../model/context/format-tokens.js';
import { widenWindowAdvice } from '../../model/context/server-kind.js';

/**
 * The finding recorded when a step's prompt did not fit the window the first time: what the
 * server did, and that the step was rebuilt for the window it taught quire.
 */
export function overflowFinding({
  error,
  sectionId,
}: {
  error: ContextOverflowError;
  sectionId: string;
}): Finding {
  const what =
    error.reason === 'truncated'
      ? `the server cut the prompt silently (it counted ${formatTokens(error.promptTokens)} prompt tokens where about ${formatTokens(error.sentTokens)} were sent)`
      : error.reason === 'refused'
        ? `the server refused the prompt as longer than its context window${error.windowTokens ? ` of ${formatTokens(error.windowTokens)} tokens` : ''}`
        : 'the prompt did not fit the context window';
  return {
    evaluator: 'check',
    ruleId: error.reason === 'truncated' ? 'context/prompt-truncated' : 'context/window-exceeded',
    severity: 'warning',
    message: `${what}; the section was rewritten with a prompt shrunk to fit the ${windowSize(error.windowTokens)}window`,
    location: { section: sectionId },
  };
}

/**
 * The one-line stop when a step still does not fit after quire shrank it to the window it
 * learned: the numbers (prompt, window, reply limit) and the server setting that fixes it.
 */
export function contextStopError({
  error,
  step,
}: {
  error: ContextOverflowError;
  /** What could not be done, e.g. "section 3" or "the plan". */
  step: string;
}): ContextBudgetError {
  const window = error.windowTokens;
  const reply = error.outputTokens ?? 0;
  const needed = error.sentTokens + reply;
  const fix = `${widenWindowAdvice({ server: error.server, tokens: needed })}, or shorten the request`;
  const message =
    error.reason === 'truncated'
      ? `The server still cut the prompt of ${step} after quire shrank it (it counted ${formatTokens(error.promptTokens)} of about ${formatTokens(error.sentTokens)} prompt tokens; window ${window === undefined ? 'unknown' : `${formatTokens(window)} tokens`}): ${fix}.`
      : `${step[0]?.toUpperCase()}${step.slice(1)} still does not fit after quire shrank it: about ${formatTokens(error.sentTokens)} prompt tokens and a ${formatTokens(reply)}-token reply limit against a ${window === undefined ? 'smaller ' : windowSize(window)}context window: ${fix}.`;
  return new ContextBudgetError({
    message,
    tokens: error.sentTokens,
    budget: window ?? 0,
    outputTokens: error.outputTokens,
    cause: error,
  });
}

/** "8,192-token " for a known window, formatted like every other count; nothing for an unknown one. */
function windowSize(tokens: number | undefined): string {
  return tokens === undefined ? '' : `${formatTokens(tokens)}-token `;
}
