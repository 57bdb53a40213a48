import { countWords } from '../evaluators/count-words.js';
import type { ReviewedDocument, SimReviewFinding } from './reviewed-document.js';

/**
 * The simulated reviewer's length check: a planned section holding more than 1.5 times or less
 * than half the words of its budget. Pure.
 */
export function offLengthSections({ shown, plan }: ReviewedDocument): SimReviewFinding[] {
  return shown.flatMap((section) => {
    const planned = plan.get(section.id);
    if (planned === undefined) return [];
    const words = countWords(section.text);
    const ratio = words / Math.max(1, planned.words);
    return ratio <= 1.5 && ratio >= 0.5
      ? []
      : [
          {
            rule: 'length' as const,
            sections: [section.id],
            message: `holds ${words} words where its budget is ${planned.words}; ${ratio > 1 ? 'cut it down' : 'develop it'}`,
            severity: 'warning' as const,
          },
        ];
  });
}
