const openingPattern = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const closingPattern = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * The [start, end) character ranges of properly closed fenced code blocks (``` or ~~~), fences
 * included, so prose measures can leave code out. A block is closed, as in CommonMark, by a
 * line of the same fence character, at least as long as the opening and followed by nothing
 * but spaces; a backtick fence's info string holds no backtick. A fence never closed excludes
 * nothing: a model that opens a fence and never closes it has not written code to the end, and
 * its text (a loop, often) must stay visible to the measures. Linear. Pure.
 */
export function fencedCodeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open: { start: number; marker: string } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200)).replace(/\r$/, '');
    if (open === undefined) {
      const match = openingPattern.exec(line);
      const marker = match?.[1];
      if (marker && !(marker[0] === '`' && (match?.[2] ?? '').includes('`'))) {
        open = { start: lineStart, marker };
      }
    } else {
      const marker = closingPattern.exec(line)?.[1];
      if (marker && marker[0] === open.marker[0] && marker.length >= open.marker.length) {
        ranges.push([open.start, lineEnd]);
        open = undefined;
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return ranges;
}

/** Whether `offset` lies in one of `ranges` (sorted, as `fencedCodeRanges` returns them). */
export function insideRanges(
  ranges: ReadonlyArray<readonly [number, number]>,
  offset: number,
): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle] ?? [0, 0];
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return true;
  }
  return false;
}
