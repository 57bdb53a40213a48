import { insideRanges, parseMarkdown } from '../../markdown/parse-markdown.js';

/** A paragraph of a Markdown text: a block of lines between blank lines. */
export interface Paragraph {
  /** Character offset of its first character. */
  start: number;
  /** Character offset just past its last character. */
  end: number;
}

/**
 * Splits a text into paragraphs: runs of non-blank lines. Headings stand alone and are not
 * paragraphs; closed fenced code blocks are left out (an unclosed fence hides nothing). Linear.
 * Pure.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const { fences, headings } = parseMarkdown(text);
  const headingRanges = headings.map(({ start, end }): [number, number] => [start, end]);
  let current: Paragraph | undefined;
  const close = () => {
    if (current) paragraphs.push(current);
    current = undefined;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (
      insideRanges(fences, lineStart) ||
      line.trim() === '' ||
      insideRanges(headingRanges, lineStart)
    ) {
      close();
    } else if (current) {
      current.end = lineEnd;
    } else {
      current = { start: lineStart, end: lineEnd };
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  close();
  return paragraphs;
}
