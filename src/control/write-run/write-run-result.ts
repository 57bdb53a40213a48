import type { LengthGateResult } from '../../evaluators/length-gate.js';
import type { Report } from '../../evaluators/report-schema.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { RunInfo } from '../../store/run-info-schema.js';

/** How a write run ended, when it ended normally. */
export interface WriteRunResult {
  info: RunInfo;
  plan: Plan;
  document: string;
  words: number;
  report: Report;
  /** Where the document's length falls against the length gate. */
  lengthGate: LengthGateResult;
  /** True when the run stopped before its last section: the model writes too little per reply. */
  stoppedEarly: boolean;
}
