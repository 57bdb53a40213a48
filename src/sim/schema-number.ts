import type { SeededRandom } from './seeded-random.js';

// Ranges that look right for common property names when the schema gives none (or a huge one).
const plausibleRanges: [RegExp, number, number][] = [
  [/word|length|budget|tokens|characters/, 150, 1500],
  [/year/, 1990, 2030],
  [/percent|pct/, 0, 100],
  [/score|rating|rank/, 1, 10],
  [/weight|ratio|probability|share|confidence|fraction/, 0, 1],
  [/index|order|position|number|count|id$/, 1, 50],
];

/**
 * A number valid against a JSON schema's `minimum`, `maximum`, `exclusiveMinimum`,
 * `exclusiveMaximum` (draft 4 and later forms) and `multipleOf`, drawn from a plausible range
 * for the property's name when the bounds are wide or absent.
 */
export function schemaNumber({
  schema,
  integer,
  random,
  propertyName,
}: {
  schema: Record<string, unknown>;
  integer: boolean;
  random: SeededRandom;
  propertyName: string | undefined;
}): number {
  const step = integer ? 1 : 0.01;
  let low = numberOr(schema.minimum, Number.NEGATIVE_INFINITY);
  let high = numberOr(schema.maximum, Number.POSITIVE_INFINITY);
  if (typeof schema.exclusiveMinimum === 'number')
    low = Math.max(low, schema.exclusiveMinimum + step);
  if (schema.exclusiveMinimum === true) low += step;
  if (typeof schema.exclusiveMaximum === 'number')
    high = Math.min(high, schema.exclusiveMaximum - step);
  if (schema.exclusiveMaximum === true) high -= step;
  if (integer) {
    low = Math.ceil(low);
    high = Math.floor(high);
  }

  const name = (propertyName ?? '').toLowerCase();
  const [, likelyLow, likelyHigh] = plausibleRanges.find(([pattern]) => pattern.test(name)) ?? [
    undefined,
    integer ? 1 : 0,
    100,
  ];
  let from = Math.max(low, likelyLow);
  let to = Math.min(high, likelyHigh);
  if (from > to) {
    // The plausible range misses the allowed one: stay near the allowed bound that is finite.
    from = Number.isFinite(low) ? low : high - 100;
    to = Number.isFinite(high) ? Math.min(high, from + 100) : from + 100;
  }

  const multipleOf =
    typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  if (multipleOf !== undefined) {
    const first = Math.ceil(from / multipleOf);
    const last = Math.floor(to / multipleOf);
    if (first <= last) return Number((random.integer(first, last) * multipleOf).toPrecision(12));
  }
  if (integer) return random.integer(Math.ceil(from), Math.floor(to));
  const value = Math.round(random.between(from, to) * 100) / 100;
  return Math.min(Math.max(value, from), to);
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
