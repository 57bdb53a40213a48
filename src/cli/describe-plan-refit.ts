import type { PlanRefitEvent } from '../control/run-events.js';
import { formatShortCount } from './progress/format-short-count.js';

/** What changed in the plan and why, in one sentence, for progress lines and `quire inspect`. Pure. */
export function describePlanRefit(
  refit: Pick<PlanRefitEvent, 'reason' | 'index' | 'sections' | 'wordsPerReply' | 'pendingWords'>,
): string {
  const from = refit.index + 1;
  switch (refit.reason) {
    case 'capacity':
      return `the model writes about ${refit.wordsPerReply} words per reply: sections from ${from} on divided to fit (${refit.sections} sections now)`;
    case 'window':
      return `the context window leaves room for about ${refit.wordsPerReply} words per reply: sections from ${from} on divided to fit (${refit.sections} sections now)`;
    case 'floor':
      return `the model writes at least ${refit.wordsPerReply} words per reply, however few it is asked for: no section from ${from} on is asked for less (${refit.sections} sections now)`;
    case 'rebalance':
      return `budgets from section ${from} on rebalanced to keep the target (${formatShortCount(refit.pendingWords?.before ?? 0)} → ${formatShortCount(refit.pendingWords?.after ?? 0)} words)`;
  }
}
