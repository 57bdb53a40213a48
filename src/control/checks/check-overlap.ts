import type { Finding } from '../../evaluators/finding.js';
import { ngramOverlap } from '../../evaluators/repetition/ngram-overlap.js';
import type { SectionCheckInput } from './section-check.js';

/** How many earlier sections the in-loop check compares against; the final report sees all. */
const lookBack = 40;

/** Share of a section's word 5-grams found in the earlier sections the check compares against. */
export function sectionOverlap({ text, previous }: { text: string; previous: string[] }): number {
  return previous.length === 0
    ? 0
    : ngramOverlap({ text, previous: previous.slice(-lookBack), n: 5 });
}

/** Fails a section whose word 5-grams repeat earlier sections beyond `maxOverlap`. */
export function checkOverlap({ text, section, previous, settings }: SectionCheckInput): Finding[] {
  if (previous.length === 0) return [];
  const overlap = sectionOverlap({ text, previous });
  if (overlap <= settings.maxOverlap) return [];
  return [
    {
      evaluator: 'check',
      ruleId: 'check/overlap',
      severity: 'error',
      message: `${Math.round(overlap * 100)}% of its 5-word phrases repeat earlier sections (at most ${Math.round(settings.maxOverlap * 100)}% allowed): say something new`,
      location: { section: section.id },
    },
  ];
}
