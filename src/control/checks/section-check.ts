import type { Finding } from '../../evaluators/finding.js';
import type { Plan, PlanSection } from '../../planner/plan-schema.js';

/** What a check sees: the draft of one section and where it sits. */
export interface SectionCheckInput {
  text: string;
  section: PlanSection;
  index: number;
  plan: Plan;
  /** Finished sections before this one, in order. */
  previous: string[];
  settings: {
    /** Share of the budget a section may miss by, e.g. 0.15. */
    lengthTolerance: number;
    /** The length gate's ceiling (1.2: 20% over), when a section may not run past it. */
    lengthCeiling?: number;
    /** Share of 5-grams that may repeat earlier sections. */
    maxOverlap: number;
  };
}

/** A check of one section: a pure function from the draft to findings (empty when it passes). */
export type SectionCheck = (input: SectionCheckInput) => Finding[];
