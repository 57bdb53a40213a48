import type { ReviewedDocument, SimReviewFinding } from './reviewed-document.js';

const value = /(?<![\p{L}\d])(?:\d[\d,]*\d|[A-Z][a-z]+ [A-Z][a-z]+)(?![\p{L}\d])/gu;
const keyBefore = /(?<![\p{L},.;:])((?:[A-Za-z]+ ){3})$/u;

/**
 * The simulated reviewer's contradiction check: names and figures compared across sections by
 * the three words before them; where most sections state one value, a section stating another
 * contradicts them (with no majority, nothing can tell which is right). Pure.
 */
export function contradictingValues({ shown }: ReviewedDocument): SimReviewFinding[] {
  // key (the three words before a value) → value → sections stating it
  const statements = new Map<string, Map<string, Set<string>>>();
  for (const section of shown) {
    // Mentions may overlap ("kept by Ines Corwin lists 4,512"): each value gets its own key.
    for (const match of section.text.matchAll(value)) {
      const before = section.text.slice(Math.max(0, match.index - 80), match.index);
      const key = keyBefore.exec(before)?.[1]?.trim().toLowerCase();
      if (key === undefined) continue;
      const values = statements.get(key) ?? new Map<string, Set<string>>();
      const sections = values.get(match[0]) ?? new Set<string>();
      sections.add(section.id);
      values.set(match[0], sections);
      statements.set(key, values);
    }
  }
  const findings: SimReviewFinding[] = [];
  for (const [key, values] of statements) {
    if (values.size < 2) continue;
    const ranked = [...values].sort((left, right) => right[1].size - left[1].size);
    const [agreed, agreeing] = ranked[0]!;
    if (ranked[1]![1].size === agreeing.size) continue; // no majority: cannot tell which is right
    for (const [value, sections] of ranked.slice(1)) {
      for (const id of sections) {
        if (agreeing.has(id)) continue;
        findings.push({
          rule: 'contradiction',
          sections: [id],
          message: `says "${key} ${value}" where ${agreeing.size} other sections say "${key} ${agreed}"; make it agree`,
          severity: 'error',
        });
      }
    }
  }
  return findings;
}
