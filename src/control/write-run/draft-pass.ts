import type { Config } from '../../config/config-schema.js';
import type { CallSettings } from '../../model/call-settings.js';
import type { RunStore } from '../../store/run-store.js';
import type { Task } from '../../task/task-schema.js';
import type { ControlUnitResult } from '../control-unit.js';
import type { TrackStage } from '../review/run-review.js';
import type { RunEventInput } from '../run-events.js';

/** What a pass over the drafted document (the seam pass, the review) works with. */
export interface DraftPassOptions {
  task: Task;
  store: RunStore;
  config: Config;
  /** The reviewer's calls. */
  call: CallSettings;
  /** Why the run must stop before its next call, when a budget is spent. */
  budgetStop: () => string | undefined;
  trackStage: TrackStage;
  emit: (event: RunEventInput) => Promise<void>;
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
