const label =
  /^(?:(?:section|part|chapter|paragraph)\s+(?:\d+|[ivxlc]+)\b(?:\s+of\s+\d+)?|第[一二三四五六七八九十百\d]+(?:部分|节|章|段|篇)|(?:\d+|[ivxlc]+)[.)])\s*[:：.)\-–—、]?\s*/i;

/**
 * Whether a heading says the same as a section's title, ignoring case, emphasis, quotes,
 * closing punctuation and a numbering label ("Section 3:", "2.", "第三部分："): "### **Section 3:
 * The Lamp Room**" says "The lamp room". Pure.
 */
export function sameTitle(heading: string, title: string): boolean {
  const plainHeading = plain(heading);
  const plainTitle = plain(title);
  if (plainHeading === plainTitle) return plainHeading !== '';
  const bare = (text: string) => text.replace(label, '').trim();
  return bare(plainHeading) !== '' && bare(plainHeading) === bare(plainTitle);
}

function plain(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`"“”'‘’「」《》]/g, '')
    .replace(/^[\s#]+|[\s:：.。!！?？]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
