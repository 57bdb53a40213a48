import { parseMarkdown } from '../../markdown/parse-markdown.js';
import { tokenizeText } from '../repetition/tokenize-text.js';

/** A part of a document, in order, for measures along it. */
export interface DocumentPart {
  title: string;
  /** Character offset of its start in the document (0 for a run's sections). */
  start: number;
  text: string;
}

/** How the parts were found. */
export type PartSource = 'sections' | 'headings' | 'chunks';

/**
 * Cuts a document into the parts that degradation is measured over: a run's planned sections
 * when given; else its chapters, the headings of the highest level that occurs at least twice
 * (levels 1–3; text before the first one is a part when it has 50 tokens or more); else
 * `chunks` parts of equal token counts (8 by default, as EQ-Bench's 8 chapters), each of at
 * least 150 tokens. Pure.
 */
export function documentParts({
  text,
  sections,
  chunks = 8,
}: {
  text: string;
  sections?: ReadonlyArray<{ title: string; text: string }>;
  chunks?: number;
}): { source: PartSource; parts: DocumentPart[] } {
  if (sections && sections.length >= 2) {
    return {
      source: 'sections',
      parts: sections.map(({ title, text: sectionText }) => ({
        title,
        start: 0,
        text: sectionText,
      })),
    };
  }
  const byHeadings = headingParts(text);
  if (byHeadings.length >= 2) return { source: 'headings', parts: byHeadings };
  return { source: 'chunks', parts: equalChunks({ text, chunks }) };
}

function headingParts(text: string): DocumentPart[] {
  const headings = parseMarkdown(text).headings.map((heading) => ({
    level: heading.depth,
    title: heading.title,
    start: heading.start,
  }));
  const level = [1, 2, 3].find(
    (candidate) => headings.filter((heading) => heading.level === candidate).length >= 2,
  );
  if (level === undefined) return [];
  const cuts = headings.filter((heading) => heading.level <= level);
  const parts: DocumentPart[] = [];
  const before = text.slice(0, cuts[0]?.start ?? 0);
  if (tokenizeText({ text: before }).ids.length >= 50) {
    parts.push({ title: '(before the first heading)', start: 0, text: before });
  }
  cuts.forEach((cut, index) => {
    const end = cuts[index + 1]?.start ?? text.length;
    parts.push({ title: cut.title, start: cut.start, text: text.slice(cut.start, end) });
  });
  return parts;
}

function equalChunks({ text, chunks }: { text: string; chunks: number }): DocumentPart[] {
  const { offsets } = tokenizeText({ text });
  const count = Math.min(chunks, Math.floor(offsets.length / 150));
  if (count < 2) return [];
  const size = offsets.length / count;
  return Array.from({ length: count }, (_, index) => {
    const start = index === 0 ? 0 : (offsets[Math.round(index * size)] ?? text.length);
    const end =
      index === count - 1 ? text.length : (offsets[Math.round((index + 1) * size)] ?? text.length);
    return { title: `part ${index + 1} of ${count}`, start, text: text.slice(start, end) };
  });
}
