import type { CallUsage } from '../../model/usage-meter.js';
import type { CheckFinding } from '../checks/check-finding.js';
import type { TestRunStatus, TestTotals } from '../checks/run-node-tests.js';
import type { Confinement } from '../sandbox/sandbox.js';
import type { FeatureVerdict } from './judge-features.js';
import type { CodeMeasure } from './measure-code.js';

/** What `quire eval --code` reports about a codebase. */
export interface CodeEvalReport {
  kind: 'code-eval';
  /** The folder evaluated (a run's `workspace/`, or the folder given). */
  workspace: string;
  checklistFile: string;
  tests: {
    status: TestRunStatus;
    totals: TestTotals;
    failing: Array<{ path: string; status: string; failures: string[] }>;
    confinement: Confinement | null;
  };
  code: CodeMeasure;
  /** Files left out of the measures and the judge's view (too large, or not regular files). */
  filesNotRead: Array<{ path: string; reason: string }>;
  syntaxErrors: CheckFinding[];
  /**
   * Features %: the share of checklist items the judge found implemented, over all items
   * (items without a verdict count as not shown implemented, and are counted in `undecided`).
   * Null when no judge was given.
   */
  features: {
    total: number;
    implemented: number;
    undecided: number;
    percent: number;
    judge: string;
    items: FeatureVerdict[];
    /** Files the judge did not see in full because of its context budget. */
    filesOmitted: string[];
    problems: string[];
    usage: CallUsage;
  } | null;
  /** The checklist items, whether judged or not. */
  checklist: Array<{ id: string; text: string; section: string | undefined }>;
}
