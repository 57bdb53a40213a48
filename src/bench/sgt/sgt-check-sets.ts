import {
  type ConstraintFile,
  type ConstraintType,
  constraintTypes,
} from '../../evaluators/constraints/constraint-file-schema.js';
import { expandConstraints } from '../../evaluators/constraints/expand-constraints.js';

/** Segment number → the events due there, per constraint type: SGT's check sets, as lists. */
export type SgtCheckSets = Record<ConstraintType, Record<string, string[]>>;

/**
 * Expands a constraints file into check sets shaped like SGT's `checks_once`, `checks_range`
 * and `checks_periodic` (one key per segment), except that a segment holding two events of one
 * type lists both instead of merging their text. Keys ascend numerically. Pure.
 */
export function sgtCheckSets(
  constraints: Pick<ConstraintFile, 'constraints' | 'segments'>,
): SgtCheckSets {
  const sets = Object.fromEntries(constraintTypes.map((type) => [type, {}])) as SgtCheckSets;
  const checks = [...expandConstraints(constraints)].sort(
    (left, right) => left.segment - right.segment,
  );
  for (const check of checks) {
    const set = sets[check.type];
    const key = String(check.segment);
    set[key] = [...(set[key] ?? []), check.event];
  }
  return sets;
}
