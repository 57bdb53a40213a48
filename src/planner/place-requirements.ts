import type { Requirement } from '../task/task-schema.js';
import type { DraftPlan } from './draft-plan-schema.js';
import type { PlanFinding } from './plan-finding.js';
import type { DueConstraint } from './plan-schema.js';
import type { WorkingSection } from './working-section.js';

/**
 * Decides where each requirement is due: where the planner placed it (mapped through splits
 * and merges). One the planner left out, or placed in sections that do not exist, is placed by
 * rule in the section whose title and brief share most words with it, and reported. Pure.
 */
export function placeRequirements({
  sections,
  requirements,
  placements,
  draftCount,
}: {
  sections: WorkingSection[];
  requirements: Requirement[];
  placements: DraftPlan['placements'];
  /** How many sections the draft had (placements use its 1-based numbers). */
  draftCount: number;
}): { due: DueConstraint[][]; findings: PlanFinding[] } {
  const due: DueConstraint[][] = sections.map(() => []);
  const findings: PlanFinding[] = [];
  for (const requirement of requirements) {
    const asked = placements
      .filter((placement) => placement.requirement === requirement.id)
      .flatMap((placement) => placement.sections);
    const valid = asked.filter(
      (number) => Number.isInteger(number) && number >= 1 && number <= draftCount,
    );
    const targets = [
      ...new Set(
        valid.flatMap((number) => {
          const index = sections.findIndex((section) => section.origins.includes(number - 1));
          return index >= 0 ? [index] : [];
        }),
      ),
    ];
    if (targets.length === 0) {
      const chosen = closestSection({ sections, text: requirement.text });
      targets.push(chosen);
      const problem =
        asked.length === 0
          ? 'was not placed'
          : `was placed in sections that do not exist (${asked.join(', ')})`;
      findings.push({
        ruleId: asked.length === 0 ? 'requirement-unplaced' : 'requirement-bad-placement',
        severity: 'warning',
        message: `requirement ${requirement.id} ${problem}; placed in "${sections[chosen]!.title}"`,
      });
    }
    for (const index of targets) due[index]!.push({ id: requirement.id, text: requirement.text });
  }
  return { due, findings };
}

function closestSection({ sections, text }: { sections: WorkingSection[]; text: string }): number {
  const wanted = new Set(contentWords(text));
  let best = Math.floor((sections.length - 1) / 2);
  let bestScore = 0;
  sections.forEach((section, index) => {
    const score = contentWords(`${section.title} ${section.brief}`).filter((word) =>
      wanted.has(word),
    ).length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter(
    (word) => !/^(the|and|for|with|that|this|from|into|about)$/.test(word),
  );
}
