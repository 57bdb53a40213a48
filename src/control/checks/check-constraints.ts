import { indexText, matchEvent } from '../../evaluators/constraints/event-matcher.js';
import type { Finding } from '../../evaluators/finding.js';
import type { SectionCheckInput } from './section-check.js';

/**
 * Fails a section where a constraint due in it is missing, with the same lexical test the
 * constraint evaluator uses first. An inconclusive match passes here (the loop has no judge);
 * the final report may still judge it.
 */
export function checkConstraints({ text, section }: SectionCheckInput): Finding[] {
  if (section.constraints.length === 0) return [];
  const indexed = indexText(text);
  return section.constraints
    .filter(
      (constraint) =>
        matchEvent({ event: constraint.text, match: constraint.match, text: indexed }) === 'no',
    )
    .map((constraint) => ({
      evaluator: 'check',
      ruleId: 'check/constraint-missing',
      severity: 'error' as const,
      message: `it must include "${constraint.text}" (constraint ${constraint.id}), and does not`,
      location: { section: section.id },
    }));
}
