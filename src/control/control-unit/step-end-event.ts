import type { CallUsage } from '../../model/usage-meter.js';
import type { PlanSection } from '../../planner/plan-schema.js';
import type { RunEventInput } from '../run-events.js';
import type { SectionStepResult } from '../run-section-step.js';

/** The journal event of a committed section (`step-end`); `usage` is the step's and its ledger update's. */
export function stepEndEvent({
  section,
  index,
  file,
  words,
  step,
  usage,
}: {
  section: PlanSection;
  index: number;
  file: string;
  words: number;
  step: SectionStepResult;
  usage: CallUsage;
}): RunEventInput {
  return {
    type: 'step-end',
    sectionId: section.id,
    index,
    file,
    words,
    budget: section.words,
    attempts: step.attempts,
    findings: step.findings,
    usage,
    ...(step.lengthStop ? { lengthStop: step.lengthStop } : {}),
  };
}
