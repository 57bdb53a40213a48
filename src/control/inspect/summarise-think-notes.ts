/** What a run's think notes were and cost, for `quire inspect` (their calls count in drafting). */
export interface ThinkNotesSummary {
  /** Notes made, by how they were made. */
  call: number;
  marked: number;
  /** Marked replies that held no note. */
  missing: number;
  words: number;
  /** The separate calls' tokens (`call` mode); a marked note's are in its draft's. */
  inputTokens: number;
  outputTokens: number;
}

/**
 * Sums the `think-end` events of a run's journal; undefined when it made no think note. A
 * resumed run's notes are counted once per event, as each was made once. Pure.
 */
export function summariseThinkNotes({
  events,
}: {
  events: ReadonlyArray<Record<string, unknown>>;
}): ThinkNotesSummary | undefined {
  const ends = events.filter((event) => event.type === 'think-end');
  if (ends.length === 0) return undefined;
  const summary: ThinkNotesSummary = {
    call: 0,
    marked: 0,
    missing: 0,
    words: 0,
    inputTokens: 0,
    outputTokens: 0,
  };
  for (const end of ends) {
    if (typeof end.note !== 'string') summary.missing++;
    else if (end.mode === 'call') summary.call++;
    else summary.marked++;
    summary.words += typeof end.words === 'number' ? end.words : 0;
    const usage = end.usage as { inputTokens?: number; outputTokens?: number } | undefined;
    summary.inputTokens += usage?.inputTokens ?? 0;
    summary.outputTokens += usage?.outputTokens ?? 0;
  }
  return summary;
}
