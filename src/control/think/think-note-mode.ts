/**
 * How a section's think note is made: `off` (none), `call` (a separate call before the section,
 * whose note the section call is given) or `marked` (a marked part at the start of the section
 * call's own reply, split off before anything is counted or kept).
 */
export const thinkNoteModes = ['off', 'call', 'marked'] as const;

/** One way of making think notes (see `thinkNoteModes`). */
export type ThinkNoteMode = (typeof thinkNoteModes)[number];

/** What a section step needs to know about think notes. */
export interface ThinkNoteSettings {
  mode: ThinkNoteMode;
  /** A note a separate call already made for this section (journalled by an earlier session). */
  stored?: string | undefined;
}
