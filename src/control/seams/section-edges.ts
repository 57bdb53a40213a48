/** A section's text divided at its opening: what a seam repair rewrites and what it keeps. */
export interface SectionOpening {
  /** Headings (and blank lines) before the first paragraph, kept as they are. */
  head: string;
  /** The first paragraph of prose: where the section meets the one before it. */
  opening: string;
  /** Everything after the opening, kept as it is. */
  rest: string;
}

const paragraphBreak = /\n\s*\n/;

/** Paragraphs of prose, headings left out. Pure. */
function proseParagraphs(text: string): string[] {
  return text
    .split(paragraphBreak)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '' && !paragraph.startsWith('#'));
}

/** The last `count` paragraphs of a section: where the next one must pick up. Pure. */
export function sectionEnding({ text, count = 2 }: { text: string; count?: number }): string {
  return proseParagraphs(text).slice(-count).join('\n\n');
}

/** A section cut at the end of its first paragraph of prose. Pure. */
export function splitOpening(text: string): SectionOpening {
  const blocks = text.split(paragraphBreak);
  const first = blocks.findIndex((block) => block.trim() !== '' && !block.trim().startsWith('#'));
  if (first < 0) return { head: '', opening: '', rest: text };
  return {
    head: blocks.slice(0, first).join('\n\n'),
    opening: blocks[first]!.trim(),
    rest: blocks.slice(first + 1).join('\n\n'),
  };
}

/** The section with its opening paragraph replaced by `opening` (one or more paragraphs). Pure. */
export function replaceOpening({ text, opening }: { text: string; opening: string }): string {
  const { head, rest } = splitOpening(text);
  return [head, opening.trim(), rest].filter((part) => part.trim() !== '').join('\n\n');
}
