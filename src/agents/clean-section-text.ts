/**
 * Removes what models commonly wrap around a section and is never document text: a leading
 * "Sure, here is the section:" line, a leading heading that repeats the section's title (the
 * heading is added at assembly), and a trailing "Let me know if…" line. Anything subtler is left
 * for the meta-text check. Pure.
 */
export function cleanSectionText({ text, title }: { text: string; title: string }): string {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  if (/^\W*(?:sure|certainly|of course|here(?:'s| is| are))\b.*[:：]\s*$/i.test(lines[0] ?? '')) {
    lines.shift();
  }
  while (lines[0]?.trim() === '') lines.shift();
  const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(lines[0] ?? '');
  if (heading && sameTitle(heading[1] ?? '', title)) lines.shift();
  if (/\b(?:let me know|hope this helps|feel free to ask)\b/i.test(lines.at(-1) ?? '')) lines.pop();
  return lines.join('\n').trim();
}

function sameTitle(left: string, right: string): boolean {
  const normal = (text: string) =>
    text
      .toLowerCase()
      .replace(/[*_`]/g, '')
      .replace(/^(?:section|part|chapter)?\s*\d+[.:)]?\s*/, '')
      .replace(/\s+/g, ' ')
      .trim();
  return normal(left) === normal(right);
}
