import type { Element, Root as HastRoot } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parseMarkdown } from '../../markdown/parse-markdown.js';

/** A top-level block of the rendered document and where its source lies in the Markdown. */
export interface Passage {
  /** The element id, `passage-<n>`, a link target for findings. */
  id: string;
  /** Character offsets of the block in the Markdown source (UTF-16 units). */
  start: number;
  end: number;
}

/** Rendered Markdown and its passages, in document order. */
export interface RenderedMarkdown {
  html: string;
  passages: Passage[];
}

// Ids are quire's own (`passage-<n>`): raw HTML is dropped, so no id comes from the text.
const schema = {
  ...defaultSchema,
  clobber: (defaultSchema.clobber ?? []).filter((name) => name !== 'id'),
};

/**
 * Renders a Markdown document to HTML with the parser quire assembles documents with (remark
 * and GFM), then through remark-rehype and rehype-sanitize: raw HTML is dropped and unsafe
 * URLs removed, since the text is model output. Every top-level block gets an id and its
 * source offsets, so a finding at an offset can link to its passage. Images become links, so
 * the page never loads anything when it is opened. Pure.
 */
export function renderMarkdown({ markdown }: { markdown: string }): RenderedMarkdown {
  const passages: Passage[] = [];
  const processor = unified()
    .use(remarkRehype)
    .use(() => (tree: HastRoot) => {
      markPassages({ tree, passages });
      replaceImages(tree);
    })
    .use(rehypeSanitize, schema)
    .use(rehypeStringify);
  const html = processor.stringify(processor.runSync(parseMarkdown(markdown).tree));
  return { html, passages };
}

function markPassages({ tree, passages }: { tree: HastRoot; passages: Passage[] }): void {
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const id = `passage-${passages.length + 1}`;
    node.properties = { ...node.properties, id };
    passages.push({ id, start, end });
  }
}

function replaceImages(node: HastRoot | Element): void {
  node.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    if (child.tagName === 'img') {
      const alt = String(child.properties.alt ?? '') || 'image';
      node.children[index] = {
        type: 'element',
        tagName: 'a',
        properties: { href: child.properties.src, className: ['image-link'] },
        children: [{ type: 'text', value: `[image: ${alt}]` }],
      };
      return;
    }
    replaceImages(child);
  });
}

/**
 * The passage holding `offset`: the last one starting at or before it, or undefined before the
 * first. Passages are in document order. Pure.
 */
export function passageAt({
  passages,
  offset,
}: {
  passages: readonly Passage[];
  offset: number;
}): Passage | undefined {
  let low = 0;
  let high = passages.length - 1;
  let found: Passage | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const passage = passages[middle]!;
    if (passage.start <= offset) {
      found = passage;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
