import type { PlanSection } from '../../planner/plan-schema.js';
import type { RunEventInput } from '../run-events.js';

/** The journal event of a call about to write or repair a section (`step-start`). */
export function stepStartEvent({
  section,
  index,
  attempt,
  action,
  context,
}: {
  section: PlanSection;
  index: number;
  attempt: number;
  action: 'write' | 'expand' | 'condense' | 'rewrite';
  context?: { tokens: number; stableTokens: number; trimmed: string[] };
}): RunEventInput {
  return {
    type: 'step-start',
    sectionId: section.id,
    index,
    title: section.title,
    budget: section.words,
    attempt,
    action,
    contextTokens: context?.tokens ?? 0,
    stableTokens: context?.stableTokens ?? 0,
    trimmed: context?.trimmed ?? [],
  };
}
