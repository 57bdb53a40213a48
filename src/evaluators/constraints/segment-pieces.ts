import { decimalDigits } from './decimal-digits.js';
import type { SegmentHeaderRule } from './segment-header-rule.js';

/** A stretch of the document that may be a segment. */
export interface Piece {
  start: number;
  text: string;
  number: number | undefined;
  /** Characters of the header line at the start of `text` (0 when there is none). */
  headerLength: number;
}

/** `<unit> <number>` under a header rule; anchored to the start of a line, or found anywhere. */
function unitPattern({
  unit,
  rule,
  anchored,
}: {
  unit: string;
  rule: SegmentHeaderRule;
  anchored: boolean;
}): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // SGT builds its pattern from the type as written ("Menu Week (\d+)"): spaces are literal.
  const label =
    rule === 'sgt'
      ? `${literal(unit)} (\\p{Nd}+)`
      : `${unit.trim().split(/\s+/).map(literal).join('\\s+')}\\s+(\\p{Nd}+)`;
  const flags = rule === 'sgt' ? 'u' : 'iu';
  if (anchored) return new RegExp(`^[\\s#>*_~|-]*(?:#\\*#\\s*)?${label}`, flags);
  return rule === 'sgt'
    ? new RegExp(label, flags)
    : new RegExp(`(?<![\\p{L}\\p{N}])${label}`, flags);
}

/** Pieces starting at header lines (`## Week 3`, `Floor 3:`), each running to the next one. */
export function headerPieces({
  text,
  unit,
  rule,
}: {
  text: string;
  unit: string;
  rule: SegmentHeaderRule;
}): Piece[] {
  const header = unitPattern({ unit, rule, anchored: true });
  const pieces: Piece[] = [];
  let lineStart = 0;
  let current: { start: number; number: number; headerLength: number } | undefined;
  const close = (end: number) => {
    if (current) pieces.push({ ...current, text: text.slice(current.start, end) });
  };
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    const match = header.exec(line);
    if (match && looksLikeHeader({ line, match })) {
      close(lineStart);
      current = {
        start: lineStart,
        number: decimalDigits(match[1] ?? ''),
        headerLength: lineEnd - lineStart,
      };
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  close(text.length);
  return pieces;
}

/**
 * A line that merely starts with "Week 5 was…" is prose, not a header: a header is a Markdown
 * heading or emphasis, or its number ends the line or is followed by punctuation, once the marks
 * that close a decoration are passed (`~~Week 4~~`, `**Week 5**:`, the one-cell table row
 * `| Week 3 |`; not the row `| Week 3 | 20 km |`, whose other cells are data).
 */
function looksLikeHeader({ line, match }: { line: string; match: RegExpExecArray }): boolean {
  if (/^\s*[#*_]/.test(line)) return true;
  return /^[\s*_~]*(\|\s*$|$|[:.)\]([–—-])/.test(line.slice(match.index + match[0].length));
}

/**
 * Pieces between separators (the text before the first one included), numbered by the unit
 * (where the header rule looks for it), or by order without a unit.
 */
export function separatedPieces({
  text,
  unit,
  separator,
  rule,
}: {
  text: string;
  unit: string | undefined;
  separator: string;
  rule: SegmentHeaderRule;
}): Piece[] {
  const pattern = unit === undefined ? undefined : unitPattern({ unit, rule, anchored: false });
  const pieces: Piece[] = [];
  let order = 0;
  let start = 0;
  while (start <= text.length) {
    const next = text.indexOf(separator, start);
    const end = next < 0 ? text.length : next;
    const piece = text.slice(start, end);
    if (pattern === undefined) {
      if (piece.trim() !== '')
        pieces.push({ start, text: piece, number: ++order, headerLength: 0 });
    } else {
      pieces.push({ start, text: piece, ...numberPiece({ piece, pattern, rule }) });
    }
    if (next < 0) break;
    start = next + separator.length;
  }
  return pieces;
}

/** The number of a separated piece and the length of its header line, if it has one. */
function numberPiece({
  piece,
  pattern,
  rule,
}: {
  piece: string;
  pattern: RegExp;
  rule: SegmentHeaderRule;
}): { number: number | undefined; headerLength: number } {
  const firstLine = /^\s*[^\n]*/.exec(piece)?.[0] ?? '';
  const match = pattern.exec(rule === 'sgt' ? piece : firstLine);
  if (!match) return { number: undefined, headerLength: 0 };
  const inFirstLine = match.index + match[0].length <= firstLine.length;
  return {
    number: decimalDigits(match[1] ?? ''),
    headerLength: inFirstLine ? firstLine.length : 0,
  };
}
