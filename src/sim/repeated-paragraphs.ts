import { countWords } from '../evaluators/count-words.js';
import { paragraphsOf, type ReviewedDocument, type SimReviewFinding } from './reviewed-document.js';

/**
 * The simulated reviewer's repetition check: a paragraph of 25 words or more that a later
 * section repeats word for word (spacing and case aside). Pure.
 */
export function repeatedParagraphs({ shown }: ReviewedDocument): SimReviewFinding[] {
  const firstSeen = new Map<string, string>();
  const findings: SimReviewFinding[] = [];
  for (const section of shown) {
    for (const paragraph of paragraphsOf(section.text)) {
      if (countWords(paragraph) < 25) continue;
      const key = paragraph.toLowerCase().replace(/\s+/g, ' ');
      const earlier = firstSeen.get(key);
      if (earlier === undefined) firstSeen.set(key, section.id);
      else if (earlier !== section.id) {
        findings.push({
          rule: 'repetition',
          sections: [section.id],
          message: `repeats word for word a paragraph of ${earlier}: "${paragraph.slice(0, 60)}…"; say something new instead`,
          severity: 'error',
        });
      }
    }
  }
  return findings;
}
