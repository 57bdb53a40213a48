import type { UsageTotals } from '../../model/usage-meter.js';
import type { StepEndReason } from '../agent/code-step-result.js';
import type { TestTotals } from '../checks/run-node-tests.js';

/**
 * What a code run reports as it goes, named noun-verb. Each is one line of `journal.jsonl` (the
 * store adds the time) and what the CLI shows as progress.
 */
export type CodeRunEvent =
  | { type: 'run-start'; runDir: string; resumed: boolean; model: string }
  | { type: 'plan-end'; steps: number; requirements: number; findings: number; calls: number }
  | {
      type: 'step-start';
      stepId: string;
      title: string;
      stepNumber: number;
      stepCount: number;
      attempt: number;
    }
  | {
      type: 'tool-call';
      stepId: string;
      turn: number;
      toolName: string;
      ok: boolean;
      paths: string[];
    }
  | {
      type: 'check-end';
      stepId: string;
      passed: boolean;
      findings: number;
      tests: TestTotals | undefined;
    }
  | {
      type: 'loop-nudge';
      stepId: string;
      toolName: string;
      repeats: number;
      temperature: number | undefined;
    }
  | { type: 'step-restart'; stepId: string; restarts: number; estimatedTokens: number }
  | {
      type: 'step-end';
      stepId: string;
      status: 'passed' | 'failed' | 'skipped';
      reason: StepEndReason;
      message: string;
      turns: number;
      restarts: number;
      tokens: number;
    }
  | { type: 'usage'; totals: UsageTotals }
  | { type: 'run-error'; status: 'failed' | 'interrupted'; code: string; message: string }
  | {
      type: 'run-end';
      status: 'completed' | 'incomplete';
      unmetRequirements: number;
      totalRequirements: number;
    };

/** Receives events; must not throw. */
export type CodeRunEventSink = (event: CodeRunEvent) => void;
