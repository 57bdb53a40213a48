import type { Heading, Root } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { sameTitle } from './same-title.js';

/** One section to assemble. */
export interface AssemblySection {
  title: string;
  text: string;
  /** A later part of a split section: joined under the previous heading. */
  continuation?: boolean;
}

const parser = remark().use(remarkGfm);

/**
 * Assembles the document: `# title`, then each section under a `## heading` from the plan.
 * The sections' own text is kept as written; only its headings are adjusted, found with remark
 * rather than by pattern: a leading heading that repeats the section's title is dropped (so no
 * heading appears twice), and `#`/`##` headings inside a section become `###` so they stay
 * below the section heading. Pure.
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
  const tree = parser.parse(text) as Root;
  const edits: Array<{ start: number; end: number; replacement: string }> = [];
  tree.children.forEach((node, position) => {
    if (node.type !== 'heading') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (position === 0 && sameTitle(nodeText(node), title)) {
      edits.push({ start, end, replacement: '' });
    } else if (node.depth < 3) {
      edits.push({ start, end, replacement: `### ${nodeText(node as Heading)}` });
    }
  });
  let result = text;
  for (const edit of edits.reverse()) {
    result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end);
  }
  return result.trim();
}
