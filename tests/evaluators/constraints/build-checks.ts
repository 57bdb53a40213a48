import type { CheckedSegment } from '../../../src/evaluators/constraints/decide-checks.js';
import { indexText } from '../../../src/evaluators/constraints/event-matcher.js';
import type { ConstraintCheck } from '../../../src/evaluators/constraints/expand-constraints.js';

/** A `once` check for "pottery class" in segment 1; override what a test needs. */
export function createConstraintCheck(overrides: Partial<ConstraintCheck> = {}): ConstraintCheck {
  return {
    constraint: 0,
    type: 'once',
    segment: 1,
    event: 'pottery class',
    match: [],
    ...overrides,
  };
}

/** Segments ready for checks, by number, each holding the text given, in the order given. */
export function createCheckedSegments(texts: Array<[number, string]>): Map<number, CheckedSegment> {
  return new Map(texts.map(([number, text]) => [number, { text, index: indexText(text) }]));
}
