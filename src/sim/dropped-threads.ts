import type { ReviewedDocument, SimReviewFinding } from './reviewed-document.js';

/** A sentence that promises a later part takes up a matter; the matter is its first group. */
export const openThread =
  /the (?:matter|question) of the ([A-Za-z]+ [A-Za-z]+)[^.]*?(?:takes? it up|comes? back to it|returns? to it)/i;

/**
 * The simulated reviewer's dropped-thread check: a section promising that a later part takes up
 * a matter no later section shown names again. The last section shown is judged only when the
 * sections shown run to the document's end. Pure.
 */
export function droppedThreads({ shown, reachesEnd }: ReviewedDocument): SimReviewFinding[] {
  return shown.flatMap((section, position) => {
    const thread = openThread.exec(section.text)?.[1];
    if (thread === undefined) return [];
    const later = shown.slice(position + 1);
    if (later.length === 0 && !reachesEnd) return [];
    // Taken up where a later section names the matter itself, not just someone in it.
    const words = thread.split(' ');
    if (later.some((each) => words.every((word) => each.text.includes(word)))) return [];
    return [
      {
        rule: 'dropped-thread' as const,
        sections: [section.id],
        message: `promises that a later part takes up "the ${thread}", and no later section does; resolve it here or drop the promise`,
        severity: 'warning' as const,
      },
    ];
  });
}
