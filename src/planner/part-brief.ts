const continueNote = ' Continue from where the previous part stopped; do not repeat it.';
const partPrefix = /^Part \d+ of \d+ of this section\. /;

/**
 * The brief of part `part` (1-based) of `parts` of a section split for length: which part it
 * is, the section's own brief, and for later parts a reminder not to repeat the earlier ones.
 * Pure.
 */
export function partBrief({
  brief,
  part,
  parts,
}: {
  brief: string;
  part: number;
  parts: number;
}): string {
  return `Part ${part} of ${parts} of this section. ${brief}${part > 1 ? continueNote : ''}`;
}

/** The section's own brief inside a part's brief (the inverse of `partBrief`). Pure. */
export function sectionBrief(brief: string): string {
  const inner = brief.replace(partPrefix, '');
  return inner.endsWith(continueNote) ? inner.slice(0, -continueNote.length) : inner;
}
