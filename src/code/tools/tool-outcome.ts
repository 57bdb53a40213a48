import type { TestRunResult } from '../checks/run-node-tests.js';
import type { StepCheckResult } from '../checks/run-step-checks.js';

/** What running one tool call did: the text the model reads, and its effects as data. */
export interface ToolOutcome {
  output: string;
  /** True when the call failed as a whole or in part; the model sees it as an error result. */
  isError: boolean;
  /** Workspace paths written, deleted and read by the call. */
  written: string[];
  deleted: string[];
  read: string[];
  /** Set by `run_tests`. */
  tests?: TestRunResult;
  /** Set by `step_complete`: the gate's verdict and the step's own summary. */
  completion?: { passed: boolean; summary: string; checks: StepCheckResult };
}

/** An outcome with no effects. Pure. */
export function toolOutcome(output: string, isError = false): ToolOutcome {
  return { output, isError, written: [], deleted: [], read: [] };
}

/**
 * The message of an error a tool hands to the model: quire's own text, or the system's, with the
 * workspace's absolute location replaced by `.` so the model keeps thinking in relative paths.
 */
export function describeToolError({ error, root }: { error: unknown; root: string }): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(`${root}/`).join('').split(root).join('.');
}
