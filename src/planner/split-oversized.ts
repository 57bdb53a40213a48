import { partBrief } from './part-brief.js';
import type { PlanFinding } from './plan-finding.js';
import type { WorkingSection } from './working-section.js';

/**
 * Splits every section whose budget exceeds `maxWords` into equal parts. Later parts are marked
 * as continuations (assembled under the same heading) and told which part they are. Pure.
 */
export function splitOversized({
  sections,
  maxWords,
}: {
  sections: WorkingSection[];
  maxWords: number;
}): { sections: WorkingSection[]; findings: PlanFinding[] } {
  const findings: PlanFinding[] = [];
  const result = sections.flatMap((section) => {
    if (section.words <= maxWords) return [section];
    const parts = Math.ceil(section.words / maxWords);
    findings.push({
      ruleId: 'section-split',
      severity: 'info',
      message: `"${section.title}" (${section.words} words) split into ${parts} parts of at most ${maxWords}`,
    });
    const base = Math.floor(section.words / parts);
    return Array.from({ length: parts }, (_, part) => ({
      ...section,
      words: base + (part < section.words - base * parts ? 1 : 0),
      brief: partBrief({ brief: section.brief, part: part + 1, parts }),
      continuation: part > 0 ? true : section.continuation,
    }));
  });
  return { sections: result, findings };
}
