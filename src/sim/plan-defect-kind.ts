/**
 * The defects the simulated planner can plant in its first plan, as real planners make them:
 * - `overlap`: a section whose brief repeats an earlier section's;
 * - `missing-term`: a subject the request names that no title or brief takes up;
 * - `unbalanced-budget`: one section given four times the others' budget;
 * - `vague-brief`: a brief of a few words, too thin to write from;
 * - `generic-frame`: an "Introduction" and a "Conclusion" around the plan, unasked;
 * - `listicle`: headings that read as a list of tips and ways.
 */
export const planDefectKinds = [
  'overlap',
  'missing-term',
  'unbalanced-budget',
  'vague-brief',
  'generic-frame',
  'listicle',
] as const;

/** One kind of planted plan defect. */
export type PlanDefectKind = (typeof planDefectKinds)[number];

/** True when `value` names a plan defect kind. */
export function isPlanDefectKind(value: string): value is PlanDefectKind {
  return (planDefectKinds as readonly string[]).includes(value);
}
