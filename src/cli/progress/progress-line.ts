import { formatDuration } from './format-duration.js';
import { formatShortCount } from './format-short-count.js';

/** What the progress bar shows. */
export interface ProgressState {
  wordsWritten: number;
  targetWords: number;
  sectionsDone: number;
  sectionsTotal: number;
  tokens: number;
  elapsedSeconds: number;
  /** What is being done now, e.g. "writing 8/17 Spring tides". */
  activity: string;
}

/**
 * One terminal line: a bar of words written against the target, and the counters (the live
 * line cuts it to the terminal's width). Pure.
 */
export function progressLine({ state }: { state: ProgressState }): string {
  const share = state.targetWords > 0 ? Math.min(1, state.wordsWritten / state.targetWords) : 0;
  const barWidth = 20;
  const filled = Math.round(share * barWidth);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
  const counters = [
    `${formatShortCount(state.wordsWritten)}/${formatShortCount(state.targetWords)} words`,
    `${state.sectionsDone}/${state.sectionsTotal || '?'} sections`,
    `${formatShortCount(state.tokens)} tokens`,
    formatDuration(state.elapsedSeconds),
  ].join(' · ');
  return `${bar} ${counters} · ${state.activity}`;
}
