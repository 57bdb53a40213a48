import type { ConstraintResult } from '../../evaluators/constraints/constraint-result-schema.js';
import { segmentDocument } from '../../evaluators/constraints/segment-document.js';

/** One constraint check, placed at the start of its segment. */
export interface ConstraintMark {
  constraint: number;
  segment: number;
  event: string;
  decision: 'hit' | 'miss' | 'undecided';
  /** Offset of the segment in the document; null when the segment is missing. */
  offset: number | null;
}

/**
 * The report's constraint checks as hits, misses and undecided checks, each at the start of
 * its segment in the document (found with the same segmenter the evaluator used). Pure.
 */
export function constraintMarks({
  result,
  document,
}: {
  result: ConstraintResult | null | undefined;
  document: string | undefined;
}): ConstraintMark[] {
  if (!result) return [];
  const starts = new Map<number, number>();
  if (document !== undefined && (result.unit !== null || result.separator !== null)) {
    const { segments } = segmentDocument({
      text: document,
      unit: result.unit ?? undefined,
      separator: result.separator ?? undefined,
      segments: result.segments.required,
    });
    for (const segment of segments) starts.set(segment.number, segment.start);
  }
  return result.results.map((check) => ({
    constraint: check.constraint,
    segment: check.segment,
    event: check.event,
    decision: check.decision === 'yes' ? 'hit' : check.decision === 'no' ? 'miss' : 'undecided',
    offset: starts.get(check.segment) ?? null,
  }));
}
