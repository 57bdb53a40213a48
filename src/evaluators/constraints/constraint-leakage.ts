import type { CheckedSegment } from './decide-checks.js';
import { matchEvent } from './event-matcher.js';
import type { ConstraintCheck } from './expand-constraints.js';

/** Events that showed up where they were not asked for. */
export interface ConstraintLeakage {
  /** (event, segment) pairs examined: each event against each present segment not asking for it. */
  pairs: number;
  /** Pairs where the lexical test found the event. */
  leaked: number;
  /** leaked / pairs, or null when there was nothing to examine. */
  rate: number | null;
  /** Every leak, in segment order. */
  cases: Array<{ event: string; segment: number }>;
}

/**
 * Leakage, which SGT does not measure: a model that writes every event into every segment
 * satisfies every check but ignores the instructions. Each distinct event is looked for, with
 * the lexical test only (a clear `yes`), in every present segment that does not ask for it.
 * Pure.
 */
export function constraintLeakage({
  checks,
  segments,
}: {
  checks: readonly ConstraintCheck[];
  segments: ReadonlyMap<number, CheckedSegment>;
}): ConstraintLeakage {
  const events = new Map<string, { event: string; match: Set<string>; asked: Set<number> }>();
  for (const check of checks) {
    const key = check.event.trim().toLowerCase();
    const entry = events.get(key) ?? {
      event: check.event,
      match: new Set<string>(),
      asked: new Set<number>(),
    };
    entry.asked.add(check.segment);
    for (const phrase of check.match) entry.match.add(phrase);
    events.set(key, entry);
  }
  const ordered = [...segments.entries()].sort(([left], [right]) => left - right);
  let pairs = 0;
  const cases: ConstraintLeakage['cases'] = [];
  for (const [number, segment] of ordered) {
    for (const { event, match, asked } of events.values()) {
      if (asked.has(number)) continue;
      pairs++;
      if (matchEvent({ event, match: [...match], text: segment.index }) === 'yes')
        cases.push({ event, segment: number });
    }
  }
  return { pairs, leaked: cases.length, rate: pairs === 0 ? null : cases.length / pairs, cases };
}
