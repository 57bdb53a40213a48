import type { DraftPlan } from './draft-plan-schema.js';
import { findWordBudget, withoutWordBudget } from './find-word-budget.js';
import { plainOutlineText } from './plain-outline-text.js';
import { titleFromPoint } from './title-from-point.js';

const item = /^([ \t]*)(?:\d+[.)]|[-*•+])[ \t]+(.+)$/;

/**
 * Reads a plan written as a numbered or bulleted outline with word counts: one item per
 * section at the outermost level ("1. **The Lamp** (600 words): how the light was kept"),
 * deeper items and wrapped lines joining its brief. The title is the bold part or what comes
 * before a colon or dash; a line above the list is the document's title. Needs a word count
 * in at least one item. Pure.
 */
export function parsePlanList(text: string): DraftPlan | undefined {
  const lines = text.split('\n');
  const indents = lines.flatMap((line) => {
    const match = item.exec(line);
    return match ? [match[1]!.replace(/\t/g, '    ').length] : [];
  });
  if (indents.length === 0) return undefined;
  const outer = Math.min(...indents);
  const groups: string[][] = [];
  let before = '';
  for (const line of lines) {
    const match = item.exec(line);
    if (match && match[1]!.replace(/\t/g, '    ').length === outer) groups.push([match[2]!]);
    else if (groups.length > 0 && line.trim() !== '') groups.at(-1)!.push(line);
    else if (groups.length === 0 && line.trim() !== '') before = line;
  }

  const sections = groups.map(([head = '', ...rest]) => {
    const budget = findWordBudget(head) ?? findWordBudget(rest.join('\n'));
    const more = plainOutlineText(withoutWordBudget(rest.join('\n')));
    const { title, brief } = splitItem({ head: withoutWordBudget(head), more });
    return { title, brief, words: budget?.words ?? Number.NaN };
  });
  if (sections.every((section) => Number.isNaN(section.words))) return undefined;
  return {
    title: plainOutlineText(before.replace(/^(?:title|标题)\s*[:：]/i, '')),
    sections,
    placements: [],
  };
}

/**
 * "**Title**: brief", "Title — brief", "Title: brief"; a head alone is the title of the points
 * below it, or, with none below, a point with no title of its own.
 */
function splitItem({ head, more }: { head: string; more: string }): {
  title: string;
  brief: string;
} {
  const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*[:：.\-–—]?\s*(.*)$/.exec(head);
  const separated = bold ?? /^(.{1,120}?)\s*(?:[:：]|\s[-–—]\s)\s*(.+)$/.exec(head);
  const title = plainOutlineText(separated?.[1] ?? head);
  const brief = [plainOutlineText(separated?.[2] ?? ''), more].filter(Boolean).join(' ');
  if (brief !== '') return { title, brief };
  return separated ? { title, brief: title } : { title: titleFromPoint(title), brief: title };
}
