import { partBrief, sectionBrief } from './part-brief.js';
import type { Plan, PlanSection } from './plan-schema.js';
import { rescaleBudgets } from './rescale-budgets.js';

/** A plan refitted to the model, and how many sections had to be divided. */
export interface SplitForCapacityResult {
  plan: Plan;
  /** Sections (or their pending parts) divided anew; 0 when the plan was left as it was. */
  divided: number;
}

/**
 * Divides the pending sections of a plan (from `from` on) into continuation parts that a model
 * writing at most `wordsPerReply` words per reply can write in one reply each: AgentWrite's
 * divide-and-conquer, applied only where the model needs it. A section already in parts has
 * its pending parts divided again, numbered after the parts already written.
 *
 * With `drafted`, section `from` was just drafted at that many words, short of its budget
 * because the model stops there: it keeps the draft as its part (budget = `drafted`) and the
 * rest of its budget becomes new parts after it.
 *
 * With `floor` (the least the model writes per reply, whatever it is asked), no new part is
 * made smaller than it: a section gets as many parts as fit the floor when that is fewer than
 * `wordsPerReply` asks for, and pending parts below it are re-divided into fewer.
 *
 * The first new part of a section takes the constraints of the parts it replaces; ids of new
 * parts derive from the section's first part, so ids of written sections never change. Pure.
 */
export function splitForCapacity({
  plan,
  from,
  wordsPerReply,
  drafted,
  floor,
}: {
  plan: Plan;
  /** The first pending section; those before it are written and left alone. */
  from: number;
  wordsPerReply: number;
  drafted?: number;
  floor?: number;
}): SplitForCapacityResult {
  const sections = plan.sections.slice(0, from);
  let divided = 0;
  let start = from;
  const current = plan.sections[from];
  if (current && drafted !== undefined && drafted >= 1 && drafted < current.words) {
    const end = groupEnd(plan.sections, from + 1);
    const rest: PlanSection = { ...current, words: current.words - drafted, constraints: [] };
    sections.push({ ...current, words: drafted });
    sections.push(
      ...divideGroup({
        head: plan.sections[headOf(plan.sections, from)]!,
        written: from - headOf(plan.sections, from) + 1,
        group: [rest, ...plan.sections.slice(from + 1, end)],
        wordsPerReply,
        floor,
      }),
    );
    divided++;
    start = end;
  }
  while (start < plan.sections.length) {
    const end = groupEnd(plan.sections, start + 1);
    const group = plan.sections.slice(start, end);
    const fits = (part: PlanSection) =>
      part.words <= wordsPerReply &&
      (floor === undefined || group.length === 1 || part.words >= floor);
    const head = headOf(plan.sections, start);
    const redivided = group.every(fits)
      ? group
      : divideGroup({
          head: plan.sections[head]!,
          written: start - head,
          group,
          wordsPerReply,
          floor,
        });
    // Between a floor and a limit close together, a group may already be as near as it gets.
    const same =
      redivided.length === group.length &&
      redivided.every((part, offset) => part.words === group[offset]!.words);
    if (!same) divided++;
    sections.push(...(same ? group : redivided));
    start = end;
  }
  return divided === 0 ? { plan, divided } : { plan: { ...plan, sections }, divided };
}

/** The index after the continuation parts that follow `index`. */
function groupEnd(sections: PlanSection[], index: number): number {
  let end = index;
  while (sections[end]?.continuation) end++;
  return end;
}

/** The index of the first part of the section that `index` belongs to. */
function headOf(sections: PlanSection[], index: number): number {
  let head = index;
  while (head > 0 && sections[head]?.continuation) head--;
  return head;
}

/** The parts `group` of the section starting with `head`, after `written` parts, re-divided. */
function divideGroup({
  head,
  written,
  group,
  wordsPerReply,
  floor,
}: {
  head: PlanSection;
  written: number;
  group: PlanSection[];
  wordsPerReply: number;
  floor: number | undefined;
}): PlanSection[] {
  const total = group.reduce((sum, part) => sum + part.words, 0);
  const fitting = Math.ceil(total / wordsPerReply);
  const count = Math.max(
    1,
    floor === undefined ? fitting : Math.min(fitting, Math.floor(total / floor)),
  );
  const parts = written + count;
  const budgets = rescaleBudgets({ weights: Array(count).fill(1), total });
  const brief = sectionBrief(head.brief);
  return budgets.map((words, offset) => {
    const part = written + offset + 1;
    const { continuation: _dropped, ...base } = group[0]!;
    return {
      ...base,
      id: part === 1 ? head.id : `${head.id}-${part}`,
      brief: partBrief({ brief, part, parts }),
      words,
      constraints: offset === 0 ? group.flatMap((each) => each.constraints) : [],
      ...(part > 1 ? { continuation: true } : {}),
    };
  });
}
