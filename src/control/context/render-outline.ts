import type { Plan } from '../../planner/plan-schema.js';

/**
 * The plan as the writer sees it: one line per section with its budget. Plans longer than
 * `window` sections show only the neighbourhood of the current section (and the first and
 * last), so the outline's size does not grow with the document. The current section is not
 * marked here (the instruction names it): an outline that does not change from step to step
 * stays in the prompt prefix that providers cache. Pure.
 */
export function renderOutline({
  plan,
  index,
  window = 24,
}: {
  plan: Plan;
  index: number;
  window?: number;
}): string {
  const rows = plan.sections.map((section, position) => ({ section, position }));
  const half = Math.floor(window / 2);
  const visible =
    rows.length <= window
      ? rows
      : rows.filter(
          ({ position }) =>
            position === 0 || position === rows.length - 1 || Math.abs(position - index) <= half,
        );
  const lines: string[] = [];
  // Stryker disable next-line UnaryOperator: the first row shown is always the plan's first, so no gap precedes it either way
  let last = -1;
  for (const { section, position } of visible) {
    if (position > last + 1) lines.push(`… ${position - last - 1} more sections …`);
    last = position;
    const part = section.continuation ? ' (continued)' : '';
    lines.push(`${position + 1}. ${section.title}${part} (${section.words})`);
  }
  return lines.join('\n');
}
