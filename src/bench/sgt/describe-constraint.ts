import type { Constraint } from '../../evaluators/constraints/constraint-file-schema.js';

/**
 * One constraint in words, as a task's prompt lists it: `Week 5: …`, `Weeks 8 to 11: …`,
 * `Blocks 3 to 24, every 7th one: …`, `Every 4 weeks starting with Week 3: …`. Pure.
 */
export function describeConstraint({
  constraint,
  unit,
}: {
  constraint: Constraint;
  unit: string;
}): string {
  const plural = `${unit}s`;
  switch (constraint.type) {
    case 'once':
      return `${unit} ${constraint.segment}: ${constraint.event}`;
    case 'range': {
      const step = constraint.every ?? 1;
      const span = `${plural} ${constraint.start} to ${constraint.end}`;
      return step === 1
        ? `${span}: ${constraint.event}`
        : `${span}, every ${ordinal(step)} one: ${constraint.event}`;
    }
    case 'periodic': {
      const until = constraint.end === undefined ? '' : ` up to ${unit} ${constraint.end}`;
      return `Every ${constraint.every} ${plural.toLowerCase()} starting with ${unit} ${constraint.start}${until}: ${constraint.event}`;
    }
  }
}

function ordinal(value: number): string {
  const tens = value % 100;
  if (tens >= 11 && tens <= 13) return `${value}th`;
  return `${value}${{ 1: 'st', 2: 'nd', 3: 'rd' }[value % 10] ?? 'th'}`;
}
