import { extractJson } from '../model/extract-json.js';
import { coerceDraftPlan } from './coerce-draft-plan.js';
import type { DraftPlan } from './draft-plan-schema.js';
import { parsePlanHeadings } from './parse-plan-headings.js';
import { parsePlanLines } from './parse-plan-lines.js';
import { parsePlanList } from './parse-plan-list.js';

/** The forms of plan quire reads, in the order it tries them. */
export type PlanForm = 'json' | 'lines' | 'headings' | 'list';

/** A draft plan read from a reply, or why none could be. */
export type ReadPlanReplyResult =
  | { ok: true; draft: DraftPlan; form: PlanForm }
  | {
      ok: false;
      /** `invalidJson`: JSON was begun but is broken (another sample may do); `unreadable`: no form at all. */
      problem: 'invalidJson' | 'unreadable';
      message: string;
    };

const textForms: Array<[PlanForm, (text: string) => DraftPlan | undefined]> = [
  ['lines', parsePlanLines],
  ['headings', parsePlanHeadings],
  ['list', parsePlanList],
];

/**
 * Reads a plan from a model's reply, whatever form it came in: JSON anywhere in it (read
 * tolerantly, with the field names models use), AgentWrite's `Paragraph N - Main Point: … -
 * Word Count: …` lines, a Markdown heading outline, or a numbered or bulleted outline with word
 * counts. Requirement placements may follow text forms as `Requirement c1 - Sections: 2, 5`.
 * Deterministic: the same reply always gives the same draft, which normalisation then checks.
 * Pure.
 */
export function readPlanReply(text: string): ReadPlanReplyResult {
  const json = extractJson(text);
  const fromJson = json.ok ? coerceDraftPlan(json.value) : undefined;
  if (fromJson) return { ok: true, draft: fromJson, form: 'json' };
  for (const [form, parse] of textForms) {
    const draft = parse(text);
    if (draft) return { ok: true, draft: { ...draft, placements: readPlacements(text) }, form };
  }
  if (!json.ok && json.attempted) {
    return {
      ok: false,
      problem: 'invalidJson',
      message: `the plan's JSON is broken (${json.message})`,
    };
  }
  return {
    ok: false,
    problem: 'unreadable',
    message: json.ok
      ? 'the JSON in the reply holds no list of sections'
      : 'the reply is neither JSON nor a plan in lines, headings or a list with word counts',
  };
}

function readPlacements(text: string): DraftPlan['placements'] {
  return [
    ...text.matchAll(
      /^[ \t>*_-]*requirement[ \t]+([\w-]+)[ \t]*[-–—:：][ \t]*sections?[ \t]*[:：]?[ \t]*([\d ,，、]+(?:and [\d]+)?)[ \t.]*$/gim,
    ),
  ].map((match) => ({
    requirement: match[1]!,
    sections: (match[2]!.match(/\d+/g) ?? []).map(Number),
  }));
}
