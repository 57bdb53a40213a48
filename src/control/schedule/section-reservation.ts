import type { PlanSection } from '../../planner/plan-schema.js';
import { outputAllowance } from '../section-step/output-allowance.js';

/** Prompt tokens a step's outline, memory and instructions take, besides the request. */
const instructionTokens = 1500;

/**
 * Tokens reserved for a section step before it starts and released when it ends (its real
 * usage is metered by then): its prompt (the request at about four characters a token, and the
 * rest of the step's context) and one reply of its output allowance. An estimate on the high
 * side, so steps running at once stay inside `--max-tokens` and `--max-cost` together. Pure.
 */
export function sectionReservation({
  section,
  request,
}: {
  section: PlanSection;
  request: string;
}): number {
  return Math.ceil(request.length / 4) + instructionTokens + outputAllowance(section.words);
}
