import type { Heading, Nodes, Root } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A top-level heading of a Markdown text, with where it and its inline content lie. */
export interface MarkdownHeading {
  depth: number;
  /** Its plain text. */
  title: string;
  node: Heading;
  /** [start, end) of the whole heading, marks included (UTF-16 offsets). */
  start: number;
  end: number;
  /** [start, end) of its inline content as written, formatting kept. */
  contentStart: number;
  contentEnd: number;
}

/** One parse of a Markdown text: the tree, and what every consumer reads from it. */
export interface ParsedMarkdown {
  tree: Root;
  /** [start, end) of the properly closed fenced code blocks, fences included, in order. */
  fences: Array<[number, number]>;
  headings: MarkdownHeading[];
}

/** The one Markdown parser of quire: CommonMark with GitHub's extensions. */
export const markdownProcessor = unified().use(remarkParse).use(remarkGfm);

const fenceLine = /^(`{3,}|~{3,})/;
const closingLine = /^(`{3,}|~{3,})[ \t]*$/;
let last: { text: string; parsed: ParsedMarkdown } | undefined;

/**
 * Parses a Markdown text once for every consumer: assembly, segmenting, the evaluators. The
 * last text parsed is remembered, so the measures of one document share one parse. A fenced
 * block counts as code only when properly closed (a line of the same fence character, at least
 * as long, and nothing else): a model that opens a fence and never closes it has not written
 * code to the end, and its text (a loop, often) must stay visible to the measures. The result
 * is shared: treat it as read-only.
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  if (last?.text === text) return last.parsed;
  const tree = markdownProcessor.parse(text) as Root;
  const fences: Array<[number, number]> = [];
  collectFences({ node: tree, text, fences });
  const headings: MarkdownHeading[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const first = node.children[0]?.position?.start.offset;
    const final = node.children.at(-1)?.position?.end.offset;
    headings.push({
      depth: node.depth,
      title: nodeText(node).trim(),
      node,
      start,
      end,
      contentStart: first ?? end,
      contentEnd: final ?? end,
    });
  }
  const parsed = { tree, fences, headings };
  last = { text, parsed };
  return parsed;
}

function collectFences({
  node,
  text,
  fences,
}: {
  node: Nodes;
  text: string;
  fences: Array<[number, number]>;
}): void {
  if (node.type === 'code') {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined && closedFence(text.slice(start, end))) {
      fences.push([start, end]);
    }
    return;
  }
  if ('children' in node)
    for (const child of node.children) collectFences({ node: child, text, fences });
}

/** Whether a code block's source is a fenced block with its closing fence. Pure. */
function closedFence(source: string): boolean {
  const lines = source.split('\n');
  // Container marks (quote `>`, indentation) come before the fence on each line.
  const bare = (line: string) => line.replace(/\r$/, '').replace(/^[\s>]*/, '');
  const opening = fenceLine.exec(bare(lines[0] ?? ''))?.[1];
  if (opening === undefined || lines.length < 2) return false;
  const closing = closingLine.exec(bare(lines.at(-1) ?? ''))?.[1];
  return closing !== undefined && closing[0] === opening[0] && closing.length >= opening.length;
}

/** Whether `offset` lies in one of `ranges` (sorted, as `parseMarkdown` returns fences). */
export function insideRanges(
  ranges: ReadonlyArray<readonly [number, number]>,
  offset: number,
): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle] ?? [0, 0];
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return true;
  }
  return false;
}
