import { InvalidOptionError } from '../../errors/invalid-option-error.js';
import { countWords } from '../count-words.js';
import type { SegmentHeaderRule } from './segment-header-rule.js';
import { headerPieces, separatedPieces } from './segment-pieces.js';

/** One numbered segment of a document. */
export interface Segment {
  number: number;
  /** Character offsets of the segment in the document, header included. */
  start: number;
  end: number;
  /** The segment's text, header included. */
  text: string;
  /** Words of the segment without its header line. */
  words: number;
}

/** Something the segmenter noticed and set aside. */
export interface SegmentProblem {
  /** `duplicate`: a number seen before (the first one wins); `outOfRange`: not in 1..N;
   * `unnumbered`: a separated piece with no header number, after the first numbered one. */
  kind: 'duplicate' | 'outOfRange' | 'unnumbered';
  /** The number found, for `duplicate` and `outOfRange`. */
  number?: number;
  /** Where the piece starts. */
  offset: number;
}

/**
 * Splits a document into numbered segments.
 * - `separator` only: the pieces between separators (text before the first separator too, when
 *   not blank) are segments 1, 2, 3, … in order.
 * - `unit` only: a header line starting with the unit and a number (`Week 17`, `## Week 17:`,
 *   `**Floor 3**`, `Floor 3 (lobby)`; not prose such as `Week 5 was busy`) starts that
 *   segment, which runs to the next header line.
 * - both: each piece between separators takes its number from the unit (SGT's format:
 *   `#*# Week 17 (April 23rd - April 29th):`): under `headers: 'sgt'` (the default) the first
 *   `<unit> <n>` anywhere in the piece, one space, case as given, exactly as SGT reads it;
 *   under `'lenient'` any spacing and case, in the piece's first line.
 * The first segment with a number wins; later ones and numbers outside 1..`segments` are
 * reported, not used. Linear. Pure.
 */
export function segmentDocument({
  text,
  unit,
  separator,
  segments,
  headers = 'sgt',
}: {
  text: string;
  unit?: string;
  separator?: string;
  /** N: segments are numbered 1..N. */
  segments: number;
  headers?: SegmentHeaderRule;
}): { segments: Segment[]; problems: SegmentProblem[] } {
  if (unit === undefined && separator === undefined) {
    throw new InvalidOptionError({
      option: 'unit',
      expected: 'given when there is no separator',
      received: unit,
    });
  }
  const pieces =
    separator === undefined
      ? headerPieces({ text, unit: unit ?? '', rule: headers })
      : separatedPieces({ text, unit, separator, rule: headers });
  const found = new Map<number, Segment>();
  const problems: SegmentProblem[] = [];
  let seenNumbered = false;
  for (const piece of pieces) {
    if (piece.number === undefined) {
      if (seenNumbered && piece.text.trim() !== '')
        problems.push({ kind: 'unnumbered', offset: piece.start });
      continue;
    }
    seenNumbered = true;
    if (piece.number < 1 || piece.number > segments) {
      problems.push({ kind: 'outOfRange', number: piece.number, offset: piece.start });
    } else if (found.has(piece.number)) {
      problems.push({ kind: 'duplicate', number: piece.number, offset: piece.start });
    } else {
      const body = piece.text.slice(piece.headerLength);
      found.set(piece.number, {
        number: piece.number,
        start: piece.start,
        end: piece.start + piece.text.length,
        text: piece.text,
        words: countWords(body),
      });
    }
  }
  return { segments: [...found.values()].sort((a, b) => a.number - b.number), problems };
}
