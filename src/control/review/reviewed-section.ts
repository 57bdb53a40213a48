/** A section as the review sees it: where it sits in the plan, what it was asked to be, its text. */
export interface ReviewedSection {
  /** 0-based position in the plan. */
  index: number;
  id: string;
  title: string;
  brief: string;
  /** Its word budget. */
  words: number;
  text: string;
}

/**
 * Facts the document established, one short line each, that the reviewer and the rewriter
 * hold the text to. Empty when none are recorded: contradictions are then found between
 * sections only. The fact ledger fills it.
 */
export type ReviewFacts = readonly string[];

/** The facts as a prompt shows them. Pure. */
export function renderFacts(facts: ReviewFacts): string {
  return facts.length > 0
    ? facts.map((fact) => `- ${fact}`).join('\n')
    : '(none recorded: compare the sections with each other)';
}
