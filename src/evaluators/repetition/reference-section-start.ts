// A line that only names the list of works cited: "## References", "**Bibliography:**",
// "Works Cited", "参考文献". Indented by at most three spaces: deeper (or by a tab) it is a line of
// an indented code block in Markdown, not a heading, so no blank may follow the indent unless a
// `#` or `**` mark came first.
const headingPattern =
  /^ {0,3}(?:#{1,6}[ \t]*)?(?:(?:\*\*|__)[ \t]*)?(?:references|reference list|bibliography|works cited|sources|citations|further reading|参考文献|参考资料)[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*$/imu;

/**
 * The offset of the heading of a list of works cited in the second half of the text (the last
 * one, when there are several), or undefined. A reference list is dense in names and years and
 * poor in function words, which is how a collapse into keyword salad looks too; the collapse
 * check stops before it. Pure.
 */
export function referenceSectionStart(text: string): number | undefined {
  const pattern = new RegExp(headingPattern.source, 'gimu');
  let found: number | undefined;
  for (const match of text.matchAll(pattern)) {
    if (match.index >= text.length / 2) found = match.index;
  }
  return found;
}
