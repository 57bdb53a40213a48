import type { Finding } from '../../evaluators/finding.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { SectionCheck, SectionCheckInput } from '../checks/section-check.js';
import { truncatedFinding } from './truncated-finding.js';

/**
 * The findings of one draft of section `index`: every check's, and an error when its reply was
 * still cut off (`truncated`).
 */
export function checkDraft({
  checks,
  text,
  truncated,
  plan,
  index,
  previous,
  settings,
}: {
  checks: SectionCheck[];
  text: string;
  truncated: boolean;
  plan: Plan;
  index: number;
  previous: string[];
  settings: SectionCheckInput['settings'];
}): Finding[] {
  const section = plan.sections[index]!;
  return [
    ...checks.flatMap((run) => run({ text, section, index, plan, previous, settings })),
    ...(truncated ? [truncatedFinding(section.id)] : []),
  ];
}
