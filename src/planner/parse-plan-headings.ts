import type { DraftPlan } from './draft-plan-schema.js';
import { findWordBudget, withoutWordBudget } from './find-word-budget.js';
import { plainOutlineText } from './plain-outline-text.js';

interface Heading {
  level: number;
  text: string;
  /** Offsets of the heading line and of the end of that line. */
  start: number;
  end: number;
}

/**
 * Reads a plan written as a Markdown heading outline: one heading per section (its budget in
 * the heading, "## The Lamp (600 words)", or in the text under it, "Word count: 600"), the text
 * under each heading as its brief. A single top heading above the others is the document's
 * title. Needs two headings: a title and a section, or two sections. Pure.
 */
export function parsePlanHeadings(text: string): DraftPlan | undefined {
  const headings: Heading[] = [...text.matchAll(/^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)].map(
    (match) => ({
      level: match[1]!.length,
      text: match[2]!,
      start: match.index,
      end: match.index + match[0].length,
    }),
  );
  if (headings.length < 2) return undefined;
  const top = Math.min(...headings.map((heading) => heading.level));
  const tops = headings.filter((heading) => heading.level === top);
  const titled = tops.length === 1 && headings[0]!.level === top;
  const sectionLevel = titled
    ? Math.min(...headings.filter((heading) => heading.level > top).map((each) => each.level))
    : top;
  const sectionHeadings = headings.filter((heading) => heading.level === sectionLevel);
  if (sectionHeadings.length === 0) return undefined;

  const sections = sectionHeadings.map((heading, index) => {
    const next = sectionHeadings[index + 1]?.start ?? text.length;
    const body = text.slice(heading.end, next);
    const budget = findWordBudget(heading.text) ?? findWordBudget(body);
    return {
      title: plainOutlineText(withoutWordBudget(heading.text)),
      brief: plainOutlineText(withoutWordBudget(body)),
      words: budget?.words ?? Number.NaN,
    };
  });
  return {
    title: titled ? plainOutlineText(headings[0]!.text) : '',
    sections,
    placements: [],
  };
}
