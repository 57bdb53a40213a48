import { partBrief } from './part-brief.js';
import type { PlanFinding } from './plan-finding.js';
import type { WorkingSection } from './working-section.js';

/**
 * Splits every section whose budget exceeds `maxWords` into equal parts. Later parts are marked
 * as continuations (assembled under the same heading) and told which part they are. With
 * `parallel` sections drafted at once, sections are split further until their number is a
 * multiple of `parallel` (see `partCounts`), so the drafting waves fill every place: 17 equal
 * parts on 8 places take three waves, the last with one part in flight; 24 take the same
 * three, full. Pure.
 */
export function splitOversized({
  sections,
  maxWords,
  parallel = 1,
}: {
  sections: WorkingSection[];
  maxWords: number;
  /** Sections drafted at once (`write.parallel`). */
  parallel?: number;
}): { sections: WorkingSection[]; findings: PlanFinding[] } {
  const findings: PlanFinding[] = [];
  const counts = partCounts({
    words: sections.map((section) => section.words),
    maxWords,
    parallel,
  });
  const result = sections.flatMap((section, index) => {
    const parts = counts[index]!;
    if (parts === 1) return [section];
    findings.push({
      ruleId: 'section-split',
      severity: 'info',
      message:
        section.words > maxWords
          ? `"${section.title}" (${section.words} words) split into ${parts} parts of at most ${maxWords}`
          : `"${section.title}" (${section.words} words) split into ${parts} parts, so ${parallel} sections drafted at once fill every place`,
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

/**
 * How many parts each section is split into: enough for every part to fit `maxWords`; then,
 * with `parallel` > 1, one more part at a time for the section whose parts are largest, until
 * the number of parts is a multiple of `parallel`. A section is never split below half of
 * `maxWords` for it: the few parts short of a full wave are then left as they are. Pure.
 */
export function partCounts({
  words,
  maxWords,
  parallel,
}: {
  words: readonly number[];
  maxWords: number;
  parallel: number;
}): number[] {
  const counts = words.map((each) => Math.max(1, Math.ceil(each / maxWords)));
  if (parallel <= 1) return counts;
  const total = () => counts.reduce((sum, count) => sum + count, 0);
  while (total() % parallel !== 0) {
    let largest = 0;
    for (let index = 1; index < counts.length; index++) {
      if (words[index]! / counts[index]! > words[largest]! / counts[largest]!) largest = index;
    }
    if (words[largest]! / (counts[largest]! + 1) < maxWords / 2) break;
    counts[largest]! += 1;
  }
  return counts;
}
