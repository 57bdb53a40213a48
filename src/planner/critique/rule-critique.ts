import type { Finding } from '../../evaluators/finding.js';
import type { Requirement } from '../../task/task-schema.js';
import type { OutlineSection } from './outline-plan.js';

/** Share of content words two briefs may have in common before they cover the same ground. */
export const briefOverlapLimit = 0.5;
/** How far from the median budget a section may be: above `high` × or below `low` × it. */
export const budgetSpread = { high: 2.5, low: 0.4 };

// Words that say nothing about a section's subject.
const plainWords =
  /^(?:about|also|and|are|but|for|from|has|have|how|into|its|not|that|the|their|them|then|these|this|those|through|was|were|what|when|which|while|who|why|will|with)$/;

/**
 * The plan defects a rule can decide, as findings beside the critic's: two briefs sharing more
 * than half their content words, a budget far from the median, a requirement due in no
 * section. Pure.
 */
export function ruleCritique({
  outline,
  requirements,
}: {
  outline: readonly OutlineSection[];
  requirements: readonly Requirement[];
}): Finding[] {
  return [
    ...overlappingBriefs(outline),
    ...unevenBudgets(outline),
    ...unplacedRequirements(outline, requirements),
  ];
}

/** The content words of a brief, lower-cased, each once. Pure. */
export function briefWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((word) => !plainWords.test(word)),
  );
}

/** Shared words over all words of the two sets (Jaccard). Pure. */
export function wordOverlap(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  const shared = [...left].filter((word) => right.has(word)).length;
  const all = left.size + right.size - shared;
  return all === 0 ? 0 : shared / all;
}

function overlappingBriefs(outline: readonly OutlineSection[]): Finding[] {
  const words = outline.map((section) => briefWords(section.brief));
  const findings: Finding[] = [];
  for (let later = 1; later < outline.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      // Briefs of a few words overlap by chance; the critic judges those as vague instead.
      if (words[earlier]!.size < 6 || words[later]!.size < 6) continue;
      const share = wordOverlap(words[earlier]!, words[later]!);
      if (share <= briefOverlapLimit) continue;
      const [first, second] = [outline[earlier]!, outline[later]!];
      for (const section of [first, second]) {
        findings.push({
          evaluator: 'plan-rules',
          ruleId: 'critique/overlap',
          severity: 'warning',
          message: `the briefs of ${first.id} and ${second.id} share ${Math.round(share * 100)}% of their words: they cover the same ground; merge them or give each its own`,
          location: { section: section.id },
        });
      }
    }
  }
  return findings;
}

function unevenBudgets(outline: readonly OutlineSection[]): Finding[] {
  if (outline.length < 3) return [];
  const sorted = outline.map((section) => section.words).sort((left, right) => left - right);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return outline
    .filter(
      (section) =>
        section.words > median * budgetSpread.high || section.words < median * budgetSpread.low,
    )
    .map((section) => ({
      evaluator: 'plan-rules',
      ruleId: 'critique/unbalanced-budget',
      severity: 'warning' as const,
      message: `${section.id} has ${section.words} words where the median section has ${median}: rebalance the budgets`,
      location: { section: section.id },
    }));
}

function unplacedRequirements(
  outline: readonly OutlineSection[],
  requirements: readonly Requirement[],
): Finding[] {
  const placed = new Set(outline.flatMap((section) => section.requirements));
  return requirements
    .filter((requirement) => !placed.has(requirement.id))
    .map((requirement) => ({
      evaluator: 'plan-rules',
      ruleId: 'critique/unplaced-requirement',
      severity: 'error' as const,
      message: `requirement ${requirement.id} ("${requirement.text.slice(0, 60)}") is due in no section: place it`,
    }));
}
