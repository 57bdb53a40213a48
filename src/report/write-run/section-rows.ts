import { summariseRun } from '../../control/summarise-run.js';
import { checkLengthGate, type LengthGateSettings } from '../../evaluators/length-gate.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { RunInfo } from '../../store/run-info-schema.js';
import type { StoredSection } from '../../store/run-store.js';

/** One planned section as the report shows it. */
export interface SectionRow {
  id: string;
  index: number;
  title: string;
  budget: number;
  /** Words written; null while the section is pending. */
  words: number | null;
  attempts: number | null;
  /** Findings still standing on the committed section. */
  findings: number;
  status: 'written' | 'pending';
  /** Where its words fall against the length gate of its budget; null while pending. */
  gate: 'within' | 'short' | 'long' | null;
  floorWords: number;
  ceilingWords: number;
  /** A later part of a section split for length. */
  continuation: boolean;
}

/**
 * Each planned section with its budget, its words, its attempts and where its length falls
 * against the length gate (the same `checkLengthGate` the rest of quire judges lengths with).
 * Built on `summariseRun`, as `quire inspect` is. Pure.
 */
export function sectionRows({
  info,
  plan,
  sections,
  events,
  gate,
}: {
  info: RunInfo;
  plan: Plan | undefined;
  sections: StoredSection[];
  events: ReadonlyArray<Record<string, unknown>>;
  gate: LengthGateSettings;
}): SectionRow[] {
  const summary = summariseRun({ info, plan, sections, events: [...events] });
  return summary.sections.map((state, index) => {
    const judged = checkLengthGate({ produced: state.words ?? 0, required: state.budget, gate });
    return {
      id: state.id,
      index,
      title: state.title,
      budget: state.budget,
      words: state.words ?? null,
      attempts: state.attempts ?? null,
      findings: state.findings.length,
      status: state.words === undefined ? 'pending' : 'written',
      gate: state.words === undefined ? null : judged.status,
      floorWords: judged.floorWords,
      ceilingWords: judged.ceilingWords,
      continuation: plan?.sections[index]?.continuation === true,
    };
  });
}

/** A section of the plan tree with the parts it was split into. */
export interface PlanTreeNode {
  row: SectionRow;
  /** Later parts of the same section (split for length), in order. */
  parts: SectionRow[];
}

/** Groups split parts under the section they continue: the plan as a tree. Pure. */
export function planTree(rows: readonly SectionRow[]): PlanTreeNode[] {
  const nodes: PlanTreeNode[] = [];
  for (const row of rows) {
    const parent = nodes.at(-1);
    if (row.continuation && parent) parent.parts.push(row);
    else nodes.push({ row, parts: [] });
  }
  return nodes;
}
