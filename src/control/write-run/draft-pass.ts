import type { CallSettings } from '../../model/call-settings.js';
import type { ControlUnitResult } from '../control-unit.js';
import type { WriteRunContext } from './write-run-context.js';

/** What a pass over the drafted document (the seam pass, the review) works with. */
export interface DraftPassOptions {
  run: WriteRunContext;
  /** The reviewer's calls. */
  call: CallSettings;
  /** Why the run must stop before its next call, when a budget is spent. */
  budgetStop: () => string | undefined;
}

/** The drafted document after a pass over it: its sections, stopped when a budget ran out. */
export function afterPass(
  drafted: ControlUnitResult,
  pass: { sections: ControlUnitResult['sections']; stopReason?: string },
): ControlUnitResult {
  return {
    ...drafted,
    sections: pass.sections,
    ...(pass.stopReason === undefined ? {} : { status: 'stopped', stopReason: pass.stopReason }),
  };
}
