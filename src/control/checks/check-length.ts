import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';
import type { SectionCheckInput } from './section-check.js';

/**
 * The words a section of `budget` words may hold: the budget ± the length tolerance, and never
 * above the length gate's ceiling, so a section the checks accept cannot by itself carry the
 * document over the ceiling. Pure.
 */
export function sectionLengthBounds({
  budget,
  settings,
}: {
  budget: number;
  settings: SectionCheckInput['settings'];
}): { low: number; high: number } {
  const tolerated = Math.ceil(budget * (1 + settings.lengthTolerance));
  const ceiling =
    settings.lengthCeiling === undefined
      ? tolerated
      : Math.floor(budget * settings.lengthCeiling + 1e-9);
  return {
    low: Math.floor(budget * (1 - settings.lengthTolerance)),
    high: Math.max(budget, Math.min(tolerated, ceiling)),
  };
}

/** Fails a section whose length (LongBench-Write words) misses its budget by more than the tolerance. */
export function checkLength({ text, section, settings }: SectionCheckInput): Finding[] {
  const words = countWords(text);
  const { low, high } = sectionLengthBounds({ budget: section.words, settings });
  if (words >= low && words <= high) return [];
  const short = words < low;
  return [
    {
      evaluator: 'check',
      ruleId: short ? 'check/length-short' : 'check/length-long',
      severity: 'error',
      message: `${words} words where ${section.words} were asked (${low}–${high} accepted)`,
      location: { section: section.id },
    },
  ];
}
