import type { ConstraintFile, ConstraintType } from './constraint-file-schema.js';

/** One segment that must contain one event: a constraint expanded. */
export interface ConstraintCheck {
  /** Index of the constraint in the file. */
  constraint: number;
  type: ConstraintType;
  segment: number;
  event: string;
  /** Other phrases that count as the event. */
  match: string[];
}

/**
 * Expands constraints to the segment numbers they require, in file order: `once` to its
 * segment, `range` to start..end (by `every`, default 1), `periodic` to start, start + every, …
 * up to `end` or the last segment. Numbers beyond the last segment are kept (they are checks
 * the document cannot satisfy, and count as such). Pure.
 */
export function expandConstraints({
  constraints,
  segments,
}: Pick<ConstraintFile, 'constraints' | 'segments'>): ConstraintCheck[] {
  const checks: ConstraintCheck[] = [];
  constraints.forEach((constraint, index) => {
    const base = {
      constraint: index,
      type: constraint.type,
      event: constraint.event,
      match: constraint.match ?? [],
    };
    if (constraint.type === 'once') {
      checks.push({ ...base, segment: constraint.segment });
      return;
    }
    // A periodic constraint starting past the last segment still asks for its start.
    const end =
      constraint.type === 'range'
        ? constraint.end
        : (constraint.end ?? Math.max(segments, constraint.start));
    const step = constraint.every ?? 1;
    for (let segment = constraint.start; segment <= end; segment += step) {
      checks.push({ ...base, segment });
    }
  });
  return checks;
}
