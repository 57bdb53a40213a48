import { paragraphsOf, type ReviewedDocument, type SimReviewFinding } from './reviewed-document.js';

/** Phrasing that talks about the writing instead of its subject. */
export const metaPhrasing =
  /\b(?:this section (?:sets out|will|aims)|the next section will|in this section,? (?:we|I) (?:will|shall)|as an AI\b|I will now|let me know if)/i;

/** The simulated reviewer's meta-text check: a section with a paragraph about the writing. Pure. */
export function metaTextSections({ shown }: ReviewedDocument): SimReviewFinding[] {
  return shown.flatMap((section) => {
    const found = paragraphsOf(section.text).find((paragraph) => metaPhrasing.test(paragraph));
    return found === undefined
      ? []
      : [
          {
            rule: 'meta-text' as const,
            sections: [section.id],
            message: `talks about the writing instead of the subject: "${found.slice(0, 60)}…"; remove it`,
            severity: 'error' as const,
          },
        ];
  });
}
