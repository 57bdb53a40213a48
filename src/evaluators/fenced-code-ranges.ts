const fencePattern = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The [start, end) character ranges of fenced code blocks (``` or ~~~), fences included, so
 * prose measures can leave code out. An unclosed fence runs to the end of the text, as in
 * CommonMark. Linear. Pure.
 */
export function fencedCodeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open: { start: number; marker: string } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const match = fencePattern.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 64)));
    if (match?.[1]) {
      const marker = match[1];
      if (open === undefined) {
        open = { start: lineStart, marker };
      } else if (marker[0] === open.marker[0] && marker.length >= open.marker.length) {
        ranges.push([open.start, lineEnd]);
        open = undefined;
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (open !== undefined) ranges.push([open.start, text.length]);
  return ranges;
}
