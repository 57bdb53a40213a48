/**
 * The think notes separate calls made in earlier sessions (`think-end` events of mode `call`),
 * by section id, the latest for each: a resumed run writes a section from the note it already
 * paid for instead of asking again. Pure.
 */
export function journalledThinkNotes({
  events,
}: {
  events: ReadonlyArray<Record<string, unknown>>;
}): Map<string, string> {
  const notes = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'think-end' || event.mode !== 'call') continue;
    if (typeof event.sectionId === 'string' && typeof event.note === 'string') {
      notes.set(event.sectionId, event.note);
    }
  }
  return notes;
}
