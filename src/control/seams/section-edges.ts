import { splitSentences } from '../../agents/split-sentences.js';
import { countWords } from '../../evaluators/count-words.js';

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

/**
 * The whole sentences at one end of `text` that fit in about `maxWords` (at least one): what a
 * seam check reads of an edge, so its cost stays the same whatever the paragraphs' length. Pure.
 */
export function edgeSentences({
  text,
  end,
  maxWords,
}: {
  text: string;
  end: 'start' | 'end';
  maxWords: number;
}): string {
  const sentences = splitSentences(text.trim());
  if (end === 'end') sentences.reverse();
  const kept: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    words += countWords(sentence);
    if (kept.length > 0 && words > maxWords) break;
    kept.push(sentence);
  }
  if (end === 'end') kept.reverse();
  return kept.join('').trim();
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
