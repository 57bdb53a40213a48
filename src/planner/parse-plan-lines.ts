import type { DraftPlan } from './draft-plan-schema.js';
import { findWordBudget } from './find-word-budget.js';
import { titleFromPoint } from './title-from-point.js';

const itemStart =
  /^[ \t>*_#-]*(?:\d+[.)]\s+)?(?:\*\*|__)?(?:paragraph|section|part|段落|第)\s*\d+\s*(?:段|部分|节)?(?:\*\*|__)?/gim;
const pointLabel = String.raw`(?:\*\*|__)?(?:main point|主要内容|要点)(?:\*\*|__)?\s*[:：]`;
const countLabel = String.raw`(?:\*\*|__)?(?:word count|字数要求|字数)(?:\*\*|__)?\s*[:：]`;
const point = new RegExp(
  String.raw`${pointLabel}\s*([\s\S]+?)\s*(?=(?:[-–—|]\s*)?${countLabel}|$)`,
  'i',
);
const title = new RegExp(
  String.raw`(?:title|标题)\s*[:：]\s*([\s\S]+?)\s*[-–—|]?\s*(?=${pointLabel})`,
  'i',
);
const count = new RegExp(`${countLabel}[\\s\\S]*$`, 'i');

/**
 * Reads a plan written in AgentWrite's line format, the one LongWriter's models were trained
 * to produce: `Paragraph 1 - Main Point: … - Word Count: 500 words`, one item per line (or
 * spread over a few), in English or Chinese (`段落1 - 主要内容：… - 字数要求：500字`), with an
 * optional `Title: …` inside an item and before the first. Items without a main point are not
 * this form. Undefined when no item is found. Pure.
 */
export function parsePlanLines(text: string): DraftPlan | undefined {
  const starts = [...text.matchAll(itemStart)].map((match) => match.index);
  const sections = starts.flatMap((start, position) => {
    const chunk = text
      .slice(start, starts[position + 1] ?? text.length)
      .split(/\n\s*(?:requirement\b|\n)/i)[0]!
      .replace(/\s+/g, ' ');
    const main = point.exec(chunk)?.[1]?.replace(/[\s-–—|]+$/, '');
    if (!main) return [];
    const named = title.exec(chunk)?.[1];
    const stated = count.exec(chunk)?.[0];
    return [
      {
        title: named ?? titleFromPoint(main),
        brief: main,
        words: findWordBudget(stated ?? '')?.words ?? Number.NaN,
      },
    ];
  });
  if (sections.length === 0) return undefined;
  const heading = /^\s*(?:#+\s*|(?:\*\*|__)?(?:title|标题)(?:\*\*|__)?\s*[:：]\s*)(.+)$/im.exec(
    text.slice(0, starts[0]),
  );
  return { title: heading?.[1]?.trim() ?? '', sections, placements: [] };
}
