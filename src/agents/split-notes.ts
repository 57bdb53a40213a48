/**
 * Separates a writer's reply into the section text and its continuity notes (the lines after
 * the `@@notes` marker). A reply without the marker is all text and no notes. Pure.
 */
export function splitNotes(reply: string): { text: string; notes: string[] } {
  const match = /^[ \t>*_`#-]*@@\s*notes\b.*$/im.exec(reply);
  if (!match) return { text: reply.trim(), notes: [] };
  const notes = reply
    .slice(match.index + match[0].length)
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line !== '')
    .slice(0, 8);
  return { text: reply.slice(0, match.index).trim(), notes };
}
