/** Where a finding points: a workspace file, and a line and column when known (1-based). */
export interface FindingLocation {
  path: string;
  line?: number;
  column?: number;
}

/**
 * One problem a check found in the workspace, as data. Errors fail a step's completion;
 * warnings are reported and do not.
 */
export interface CheckFinding {
  check: 'syntax' | 'tests';
  /** Stable identifier of the rule, e.g. `syntax-error`, `test-failed`, `no-tests`. */
  ruleId: string;
  message: string;
  severity: 'error' | 'warning';
  location?: FindingLocation;
}
