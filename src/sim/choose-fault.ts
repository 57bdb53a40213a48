import { type FaultKind, faultKinds } from './fault-kind.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Draws the fault of one call, if any, from the per-kind rates. `bad-json` only applies to
 * calls that ask for JSON; drawn on any other call, the call goes through unharmed. Pure apart
 * from the draw, which the caller seeds with the prompt and its attempt number so that a retry
 * of a failed call can succeed.
 */
export function chooseFault({
  rates,
  random,
  asksForJson,
}: {
  rates: Record<FaultKind, number>;
  random: SeededRandom;
  asksForJson: boolean;
}): FaultKind | undefined {
  const roll = random.next();
  let cumulative = 0;
  for (const kind of faultKinds) {
    cumulative += rates[kind];
    if (roll < cumulative) return kind === 'bad-json' && !asksForJson ? undefined : kind;
  }
  return undefined;
}
