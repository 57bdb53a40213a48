/**
 * Outline text as one plain line: list markers, heading marks, emphasis, fences and numbering
 * labels ("1.", "Section 2:") removed, white space collapsed. For titles and briefs read from
 * a plan written as text. Pure.
 */
export function plainOutlineText(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*(?:#{1,6}\s+|[-*•+]\s+|\d+[.)]\s+|>\s*)/, '')
        .replace(/^\s*(?:`{3,}|~{3,}).*$/, ''),
    )
    .join(' ')
    .replace(/\*\*|__|`/g, '')
    .replace(
      /^\s*(?:(?:section|part|chapter|paragraph)\s+\d+|第[一二三四五六七八九十\d]+(?:部分|节|章|段))\s*[:：.\-–—]\s*/i,
      '',
    )
    .replace(/\s+/g, ' ')
    .replace(/^[\s:：\-–—]+|[\s:：\-–—]+$/g, '')
    .trim();
}
