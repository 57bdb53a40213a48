import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';
import type { SectionCheckInput } from './section-check.js';

/** Fails a section whose length (LongBench-Write words) misses its budget by more than the tolerance. */
export function checkLength({ text, section, settings }: SectionCheckInput): Finding[] {
  const words = countWords(text);
  const low = Math.floor(section.words * (1 - settings.lengthTolerance));
  const high = Math.ceil(section.words * (1 + settings.lengthTolerance));
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
