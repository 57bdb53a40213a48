/** A stretch of the document that may be a segment. */
export interface Piece {
  start: number;
  text: string;
  number: number | undefined;
  /** Characters of the header line at the start of `text` (0 when there is none). */
  headerLength: number;
}

function unitPattern(unit: string, anchored: boolean): RegExp {
  const words = unit
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const label = `${words.join('\\s+')}\\s+(\\d+)(?!\\d)`;
  return anchored
    ? new RegExp(`^[\\s#>*_~|-]*(?:#\\*#\\s*)?${label}`, 'iu')
    : new RegExp(`(?<![\\p{L}\\p{N}])${label}`, 'iu');
}

/** Pieces starting at header lines (`## Week 3`, `Floor 3:`), each running to the next one. */
export function headerPieces({ text, unit }: { text: string; unit: string }): Piece[] {
  const header = unitPattern(unit, true);
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
      current = { start: lineStart, number: Number(match[1]), headerLength: lineEnd - lineStart };
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  close(text.length);
  return pieces;
}

/**
 * A line that merely starts with "Week 5 was…" is prose, not a header: a header is a Markdown
 * heading or emphasis, or its number ends the line or is followed by punctuation.
 */
function looksLikeHeader({ line, match }: { line: string; match: RegExpExecArray }): boolean {
  if (/^\s*[#*_]/.test(line)) return true;
  return /^\s*($|[:.)\]([–—-])/.test(line.slice(match.index + match[0].length));
}

/** Pieces between separators, numbered by the unit in their first line, or by order without one. */
export function separatedPieces({
  text,
  unit,
  separator,
}: {
  text: string;
  unit: string | undefined;
  separator: string;
}): Piece[] {
  const pattern = unit === undefined ? undefined : unitPattern(unit, false);
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
      const firstLine = /^\s*([^\n]*)/.exec(piece);
      const headerLength = firstLine ? firstLine[0].length : 0;
      const match = pattern.exec(firstLine?.[1] ?? '');
      pieces.push({
        start,
        text: piece,
        number: match ? Number(match[1]) : undefined,
        headerLength: match ? headerLength : 0,
      });
    }
    if (next < 0) break;
    start = next + separator.length;
  }
  return pieces;
}
