import type { ControlUnitResult } from '../control-unit.js';
import type { DraftPassOptions } from './draft-pass.js';
import { repairSeams } from './repair-seams.js';
import { reviewDrafted } from './review-drafted.js';

/**
 * The passes over a completed draft: the seams between sections drafted in parallel repaired,
 * then the whole-document review when `rounds` > 0 and no budget ran out meanwhile. A draft
 * that did not complete is returned as it is.
 */
export async function polishDraft({
  drafted,
  rounds,
  ...pass
}: DraftPassOptions & { drafted: ControlUnitResult; rounds: number }): Promise<ControlUnitResult> {
  const seamed = drafted.status === 'completed' ? await repairSeams({ ...pass, drafted }) : drafted;
  return seamed.status === 'completed' && rounds > 0
    ? reviewDrafted({ ...pass, drafted: seamed, rounds })
    : seamed;
}
