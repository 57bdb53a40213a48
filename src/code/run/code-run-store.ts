import type { CodePlan } from '../plan/code-plan.js';
import type { CodeRunEvent } from './code-run-event.js';
import type { CodeRunRecord } from './code-run-record.js';
import type { CodeRunReport } from './code-run-report.js';

/**
 * Everything a code run keeps on disk, behind one small interface so the run can be pointed at
 * another store. The run directory is the single source of truth: `run.json`, `plan.json` (the
 * instruction registry with each step's status), `journal.jsonl` (append-only events),
 * `report.json`, and the `workspace/` folder the agent builds in. Writes are atomic, so a run
 * killed at any point resumes from what is there.
 */
export interface CodeRunStore {
  readonly runDir: string;
  /** Absolute path of the workspace folder inside the run directory. */
  readonly workspaceDir: string;
  /** `run.json`, or undefined for a new run. */
  readRun(): Promise<CodeRunRecord | undefined>;
  writeRun(record: CodeRunRecord): Promise<void>;
  /** `plan.json`, or undefined before the plan exists. */
  readPlan(): Promise<CodePlan | undefined>;
  writePlan(plan: CodePlan): Promise<void>;
  /** Appends one event to `journal.jsonl`, stamped with the time. */
  appendEvent(event: CodeRunEvent): Promise<void>;
  writeReport(report: CodeRunReport): Promise<void>;
  /** Waits for pending appends and releases the journal. */
  close(): Promise<void>;
}
