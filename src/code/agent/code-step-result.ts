import type { CallUsage } from '../../model/usage-meter.js';
import type { StepCheckResult } from '../checks/run-step-checks.js';

/**
 * Why a step ended. `completed`: `step_complete` passed its checks. The rest are caps:
 * turns, tokens of the step or of the run, restarts from a summary, a call repeated until the
 * guard stopped it; `maxSteps` marks a step never run because the run had used its steps.
 */
export type StepEndReason =
  | 'completed'
  | 'maxTurns'
  | 'stepTokens'
  | 'runTokens'
  | 'maxRestarts'
  | 'repeatedCalls'
  | 'maxSteps';

/** How one step went. */
export interface CodeStepResult {
  status: 'passed' | 'failed';
  reason: StepEndReason;
  /** One line on how it ended. */
  message: string;
  /** The step's own summary when it passed; quire's account of where it stopped otherwise. */
  summary: string;
  turns: number;
  restarts: number;
  nudges: number;
  usage: CallUsage;
  /** Files written (and still present) and deleted during the step. */
  written: string[];
  deleted: string[];
  /** The last `step_complete` checks, when there were any. */
  lastChecks: StepCheckResult | undefined;
}
