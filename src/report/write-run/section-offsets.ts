import type { Plan } from '../../planner/plan-schema.js';
import type { StoredSection } from '../../store/run-store.js';

const headingLine = /^ {0,3}#{1,6}\s/;

/**
 * Where each written section starts in the assembled document, by plan section id. The
 * document is the sections' text under their headings (headings adjusted), so each section is
 * found by its first line of body text, searched in order from the end of the previous one;
 * its `## title` heading, when just before, is where it starts. A section that cannot be found
 * is left out. Linear. Pure.
 */
export function sectionOffsets({
  document,
  plan,
  sections,
}: {
  document: string;
  plan: Plan | undefined;
  sections: readonly StoredSection[];
}): Map<string, number> {
  const offsets = new Map<string, number>();
  let cursor = 0;
  for (const section of sections) {
    const planned = plan?.sections[section.index];
    if (planned === undefined) continue;
    const line = firstBodyLine(section.text);
    if (line === undefined) continue;
    const found = document.indexOf(line, cursor);
    if (found < 0) continue;
    const heading = document.lastIndexOf(`## ${planned.title.trim()}\n`, found);
    offsets.set(planned.id, heading >= cursor ? heading : found);
    cursor = found + line.length;
  }
  return offsets;
}

/**
 * The document offset of line `line` (1-based) of a section's own text, searched from the
 * section's start; the section's start when the line cannot be found. Pure.
 */
export function sectionLineOffset({
  document,
  sectionStart,
  sectionText,
  line,
}: {
  document: string;
  sectionStart: number;
  sectionText: string;
  line: number | undefined;
}): number {
  const text = line === undefined ? undefined : sectionText.split('\n')[line - 1]?.trim();
  if (!text) return sectionStart;
  const found = document.indexOf(text, sectionStart);
  return found < 0 ? sectionStart : found;
}

function firstBodyLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !headingLine.test(line));
}
