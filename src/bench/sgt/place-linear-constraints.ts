import type { Constraint } from '../../evaluators/constraints/constraint-file-schema.js';
import type { SeededRandom } from '../../sim/seeded-random.js';
import { drawDistinct } from './draw-distinct.js';

/** Events a scenario draws from, by the kind of constraint they suit. */
export interface ScenarioEvents {
  /** Things that happen once: a birthday, a tenant, a landmark. */
  once: readonly string[];
  /** Things that last a stretch: a course, a season, a wing of a building. */
  range: readonly string[];
  /** Things that recur: a visit, a dish of the day, a plant room. */
  periodic: readonly string[];
}

/**
 * Places constraints on segments 1..`segments` of a linear document (weeks, days, floors):
 * `once` events on distinct segments, `range` events over `rangeLength` consecutive segments,
 * `periodic` events every `every` segments from a start within the first period. Each event is
 * used once, so a leak of one can be told from its own placement. Deterministic for `random`.
 */
export function placeLinearConstraints({
  random,
  segments,
  events,
  counts,
  rangeLength,
  every,
}: {
  random: SeededRandom;
  segments: number;
  events: ScenarioEvents;
  counts: { once: number; range: number; periodic: number };
  /** Inclusive bounds of a range's length. */
  rangeLength: [number, number];
  /** Inclusive bounds of a periodic constraint's step. */
  every: [number, number];
}): Constraint[] {
  const onceSegments = drawDistinct({
    random,
    pool: Array.from({ length: segments }, (_, index) => index + 1),
    count: counts.once,
  }).sort((left, right) => left - right);
  const once = drawDistinct({ random, pool: events.once, count: counts.once }).map(
    (event, index): Constraint => ({ type: 'once', segment: onceSegments[index] ?? 1, event }),
  );
  const range = drawDistinct({ random, pool: events.range, count: counts.range }).map(
    (event): Constraint => {
      const length = Math.min(segments, random.integer(rangeLength[0], rangeLength[1]));
      const start = random.integer(1, segments - length + 1);
      return { type: 'range', start, end: start + length - 1, event };
    },
  );
  const periodic = drawDistinct({ random, pool: events.periodic, count: counts.periodic }).map(
    (event): Constraint => {
      const step = Math.min(segments, random.integer(every[0], every[1]));
      return { type: 'periodic', start: random.integer(1, step), every: step, event };
    },
  );
  return [...once, ...range, ...periodic];
}
