import type { LengthGateSettings } from '../../evaluators/length-gate.js';

/** Drift tolerated before pending budgets are rebalanced: half the gate's narrower margin. */
export function gateSlack(gate: LengthGateSettings): number {
  return Math.min(1 - gate.floor, gate.ceiling - 1) / 2;
}
