import type { PlanFinding } from './plan-finding.js';
import type { WorkingSection } from './working-section.js';

/**
 * Merges every section whose budget is below `minWords` into its smaller neighbour, keeping the
 * neighbour's heading (and any other field it carries, such as a plan section's id) and adding
 * the small section's brief and origins to it. Segmented sections are never merged: each
 * segment must keep its own header. Pure.
 */
export function mergeUndersized<Section extends WorkingSection>({
  sections,
  minWords,
}: {
  sections: Section[];
  minWords: number;
}): { sections: Section[]; findings: PlanFinding[] } {
  const findings: PlanFinding[] = [];
  const result = [...sections];
  for (;;) {
    const index = result.findIndex(
      (section) => section.words < minWords && section.segment === undefined,
    );
    if (index < 0 || result.length <= 1) break;
    const small = result[index]!;
    const neighbour = pickNeighbour(result, index);
    if (neighbour < 0) break;
    const target = result[neighbour]!;
    const brief =
      neighbour < index
        ? `${target.brief} Then cover "${small.title}": ${small.brief}`
        : `First cover "${small.title}": ${small.brief} Then: ${target.brief}`;
    const origins =
      neighbour < index
        ? [...target.origins, ...small.origins]
        : [...small.origins, ...target.origins];
    result[neighbour] = { ...target, words: target.words + small.words, brief, origins };
    result.splice(index, 1);
    findings.push({
      ruleId: 'section-merged',
      severity: 'info',
      message: `"${small.title}" (${small.words} words) merged into "${target.title}"`,
    });
  }
  return { sections: result, findings };
}

function pickNeighbour(sections: readonly WorkingSection[], index: number): number {
  const candidates = [index - 1, index + 1].filter(
    (candidate) =>
      candidate >= 0 && candidate < sections.length && sections[candidate]!.segment === undefined,
  );
  if (candidates.length === 0) return -1;
  return candidates.reduce((best, candidate) =>
    sections[candidate]!.words < sections[best]!.words ? candidate : best,
  );
}
