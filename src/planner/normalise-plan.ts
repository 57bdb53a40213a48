import type { Task } from '../task/task-schema.js';
import type { DraftPlan } from './draft-plan-schema.js';
import { mergeUndersized } from './merge-undersized.js';
import { placeRequirements } from './place-requirements.js';
import type { PlanFinding } from './plan-finding.js';
import type { Plan } from './plan-schema.js';
import { rescaleBudgets } from './rescale-budgets.js';
import { splitOversized } from './split-oversized.js';
import { firstWords, toPlanSection } from './to-plan-section.js';
import type { WorkingSection } from './working-section.js';

/** A usable plan and what was changed to make it so; no plan when a finding is an error. */
export interface NormalisePlanResult {
  plan: Plan | undefined;
  findings: PlanFinding[];
}

/**
 * Turns what the planner drafted into a plan quire can run: empty sections dropped, budgets
 * rescaled to sum exactly to the target, sections above `maxSectionWords` split and below
 * `minSectionWords` merged, every requirement placed. A draft too broken to repair (no usable
 * sections, mostly duplicates) gives an error finding and no plan, so the planner asks again.
 * Pure.
 */
export function normalisePlan({
  draft,
  task,
  maxSectionWords,
  minSectionWords,
  parallel = 1,
}: {
  draft: DraftPlan;
  task: Task;
  maxSectionWords: number;
  minSectionWords: number;
  /** Sections drafted at once: their number is made a multiple of it (see `splitOversized`). */
  parallel?: number;
}): NormalisePlanResult {
  const findings: PlanFinding[] = [];
  const cleaned = cleanSections({ draft, findings });
  if (cleaned.length === 0) {
    findings.push({
      ruleId: 'empty-plan',
      severity: 'error',
      message: 'the plan has no usable sections',
    });
    return { plan: undefined, findings };
  }
  const distinct = new Set(cleaned.map((section) => section.title.toLowerCase())).size;
  if (cleaned.length >= 4 && distinct < cleaned.length / 2) {
    findings.push({
      ruleId: 'duplicate-sections',
      severity: 'error',
      message: `only ${distinct} of ${cleaned.length} section titles are distinct`,
    });
    return { plan: undefined, findings };
  }

  const drafted = cleaned.reduce((sum, section) => sum + section.words, 0);
  if (Math.abs(drafted - task.words) > task.words * 0.01) {
    findings.push({
      ruleId: 'budgets-rescaled',
      severity: 'info',
      message: `section budgets summed to ${drafted} words; rescaled to the target of ${task.words}`,
    });
  }
  const budgets = rescaleBudgets({
    weights: cleaned.map((section) => section.words),
    total: task.words,
  });
  const scaled = cleaned.map((section, index) => ({ ...section, words: budgets[index]! }));
  const merged = mergeUndersized({ sections: scaled, minWords: minSectionWords });
  const split = splitOversized({
    sections: merged.sections,
    maxWords: maxSectionWords,
    parallel,
  });
  findings.push(...merged.findings, ...split.findings);

  const placed = placeRequirements({
    sections: split.sections,
    requirements: task.requirements,
    placements: draft.placements,
    draftCount: draft.sections.length,
  });
  findings.push(...placed.findings);

  const plan: Plan = {
    version: 1,
    title: draft.title.trim() || task.title || firstWords(task.prompt),
    words: task.words,
    sections: split.sections.map((section, index) =>
      toPlanSection({ section, index, constraints: placed.due[index]! }),
    ),
    ...planFacts(draft.facts),
  };
  return { plan, findings };
}

function cleanSections({
  draft,
  findings,
}: {
  draft: DraftPlan;
  findings: PlanFinding[];
}): WorkingSection[] {
  const usable = draft.sections.flatMap((section, index) => {
    const title = section.title.trim();
    const brief = section.brief.trim();
    if (!title && !brief) {
      findings.push({
        ruleId: 'empty-section',
        severity: 'warning',
        message: `section ${index + 1} is empty; dropped`,
      });
      return [];
    }
    if (!brief) {
      findings.push({
        ruleId: 'missing-brief',
        severity: 'warning',
        message: `section ${index + 1} has no brief; its title is used`,
      });
    }
    return [
      {
        title: title || firstWords(brief),
        brief: brief || title,
        words: section.words,
        origins: [index],
      },
    ];
  });
  const valid = usable.filter((section) => Number.isFinite(section.words) && section.words > 0);
  const average = valid.length
    ? valid.reduce((sum, section) => sum + section.words, 0) / valid.length
    : 1;
  return usable.map((section) => {
    if (Number.isFinite(section.words) && section.words > 0) return section;
    findings.push({
      ruleId: 'bad-budget',
      severity: 'warning',
      message: `"${section.title}" has budget ${section.words}; the average is used`,
    });
    return { ...section, words: average };
  });
}

/** The facts the planner fixed, trimmed, without blanks; none when it gave none. Pure. */
function planFacts(facts: string[] | undefined): Pick<Plan, 'facts'> {
  const kept = (facts ?? []).map((fact) => fact.trim()).filter((fact) => fact !== '');
  return kept.length > 0 ? { facts: kept } : {};
}
