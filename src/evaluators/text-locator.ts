import { parseMarkdown } from '../markdown/parse-markdown.js';
import type { FindingLocation } from './finding.js';

/** Turns character offsets into line, column and section for findings. */
export interface TextLocator {
  /** The location of `offset` (0-based, UTF-16 units): line, column, offset and section. */
  locate(offset: number): FindingLocation;
  /** The 1-based line of `offset`. */
  lineOf(offset: number): number;
}

/**
 * Indexes line starts and Markdown headings (from the shared parse) once, so each
 * lookup is a binary search. The section of a spot is the nearest heading above it. Linear to
 * build.
 */
export function createTextLocator({ text }: { text: string }): TextLocator {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  const headings = parseMarkdown(text).headings.map((heading) => ({
    offset: heading.start,
    title: heading.title,
  }));

  const lineIndexOf = (offset: number) => lastAtOrBefore(lineStarts, (start) => start, offset);
  return {
    lineOf: (offset) => lineIndexOf(offset) + 1,
    locate(offset) {
      const line = lineIndexOf(offset);
      const headingIndex = lastAtOrBefore(headings, (heading) => heading.offset, offset);
      const section = headingIndex >= 0 ? headings[headingIndex]?.title : undefined;
      return {
        line: line + 1,
        column: offset - (lineStarts[line] ?? 0) + 1,
        offset,
        ...(section === undefined ? {} : { section }),
      };
    },
  };
}

/** Index of the last item whose key is ≤ `target` (items sorted by key), or -1. */
function lastAtOrBefore<T>(items: readonly T[], key: (item: T) => number, target: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (key(items[middle] as T) <= target) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
