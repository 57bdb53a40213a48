import { countWords } from '../../evaluators/count-words.js';
import { checkLengthGate } from '../../evaluators/length-gate.js';
import { assembleDocument } from '../../markdown/assemble-document.js';
import type { Plan } from '../../planner/plan-schema.js';

/**
 * The most words the sections may hold under the length gate's `ceiling` (a share of the
 * request's `words`): the gate judges the assembled document, so the title and headings count
 * against it. Undefined when there is no ceiling. Pure.
 */
export function sectionCeilingWords({
  ceiling,
  words,
  plan,
}: {
  ceiling: number | undefined;
  words: number;
  plan: Plan;
}): number | undefined {
  if (ceiling === undefined) return undefined;
  const gate = { floor: 0, ceiling };
  const { ceilingWords } = checkLengthGate({ produced: 0, required: words, gate });
  return ceilingWords - headingWords(plan);
}

/** Words the assembled document adds to its sections: the title and the section headings. */
function headingWords(plan: Plan): number {
  const sections = plan.sections.map((section) => ({ ...section, text: '' }));
  return countWords(assembleDocument({ title: plan.title, sections }));
}
