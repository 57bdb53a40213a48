import type { Plan } from '../planner/plan-schema.js';
import type { StoredSection } from '../store/run-store.js';
import type { DocumentSection } from './evaluate-document.js';
import type { Finding } from './finding.js';

/**
 * Pairs a run's committed sections with their planned budgets, in plan order. A plan with
 * sections not written yet (an unfinished run) adds a finding; those are left out. Pure.
 */
export function pairSections({
  plan,
  stored,
  findings,
}: {
  plan: Plan;
  stored: StoredSection[];
  findings: Finding[];
}): DocumentSection[] {
  const written = stored.filter((section) => section.index < plan.sections.length);
  if (written.length !== plan.sections.length) {
    findings.push({
      evaluator: 'length',
      ruleId: 'length/sections-incomplete',
      severity: 'warning',
      message: `The plan has ${plan.sections.length} sections but ${written.length} are written; only those are compared with their budgets.`,
    });
  }
  return written.map((section) => {
    const planned = plan.sections[section.index]!;
    return { id: planned.id, title: planned.title, words: planned.words, text: section.text };
  });
}
