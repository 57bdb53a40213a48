import { parseMarkdown } from './parse-markdown.js';
import { sameTitle } from './same-title.js';

/** One section to assemble. */
export interface AssemblySection {
  title: string;
  text: string;
  /** A later part of a split section: joined under the previous heading. */
  continuation?: boolean;
}

/**
 * Assembles the document: `# title`, then each section under a `## heading` from the plan.
 * The sections' own text is kept as written; only its headings are adjusted, found in the
 * shared Markdown parse rather than by pattern: a leading heading that repeats the section's
 * title is dropped (so no heading appears twice), and `#`/`##` headings inside a section become
 * `###` so they stay below the section heading, their inline formatting (code, links,
 * emphasis) kept as written. Pure.
 */
export function assembleDocument({
  title,
  sections,
}: {
  title: string;
  sections: AssemblySection[];
}): string {
  const parts = [`# ${title.trim()}`];
  for (const section of sections) {
    const body = adjustHeadings({ text: section.text.trim(), title: section.title });
    if (!section.continuation) parts.push(`## ${section.title.trim()}`);
    if (body !== '') parts.push(body);
  }
  return `${parts.join('\n\n')}\n`;
}

function adjustHeadings({ text, title }: { text: string; title: string }): string {
  const { tree, headings } = parseMarkdown(text);
  const edits: Array<{ start: number; end: number; replacement: string }> = [];
  for (const heading of headings) {
    const { start, end } = heading;
    if (tree.children[0] === heading.node && sameTitle(heading.title, title)) {
      edits.push({ start, end, replacement: '' });
    } else if (heading.depth < 3) {
      const content = text.slice(heading.contentStart, heading.contentEnd);
      edits.push({ start, end, replacement: `### ${content}` });
    }
  }
  let result = text;
  for (const edit of edits.reverse()) {
    result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end);
  }
  return result.trim();
}
