import type { Plan } from '../../planner/plan-schema.js';

/** Tells the writer where its section sits, so only the last one closes the document. Pure. */
export function sectionPosition({ plan, index }: { plan: Plan; index: number }): string {
  const section = plan.sections[index];
  const last = index === plan.sections.length - 1;
  if (section?.continuation) {
    return `This continues the section "${section.title}" from where the previous part stopped: no heading, no recap, no repetition.${last ? ' It is the end of the document: close it.' : ' Do not conclude the document.'}`;
  }
  if (plan.sections.length === 1) return 'This is the whole document: open it and close it.';
  if (index === 0) return 'This is the opening section: draw the reader in. Do not conclude.';
  if (last) return 'This is the final section: bring the document to its close.';
  return 'This is a middle section: pick up from the previous one; do not summarise the document or conclude it.';
}
