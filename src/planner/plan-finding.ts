/** Something normalisation changed in a plan, or could not fix, or how the plan was read. */
export interface PlanFinding {
  ruleId:
    | 'empty-plan'
    | 'empty-section'
    | 'missing-brief'
    | 'bad-budget'
    | 'budgets-rescaled'
    | 'section-split'
    | 'section-merged'
    | 'duplicate-sections'
    | 'too-few-sections'
    | 'requirement-unplaced'
    | 'requirement-bad-placement'
    | 'segments-missing'
    | 'plan-read-from-text'
    | 'structured-output-refused';
  message: string;
  /** `error`: the plan cannot be used and must be asked for again. */
  severity: 'error' | 'warning' | 'info';
}
