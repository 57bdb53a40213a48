import type { JournalEvent } from './read-journal.js';
import type { Random } from './seeded-random.js';

/** Events inside the drafting of a section that a kill can follow, with how often each is chosen. */
const points = { 'step-start': 3, usage: 1, 'check-end': 1, 'step-end': 2 } as const;

/** Where one session of a parallel run is killed. */
export interface ParallelKillPoint {
  /** The event the kill follows; it always names a section, so sections are in flight. */
  after: keyof typeof points;
  /** Sections this session must commit first. */
  commits: number;
  /** Whether `event`, seen after `committed` commits of this session, is the kill point. */
  reached(event: JournalEvent, committed: number): boolean;
}

/**
 * Chooses the next kill of a run drafting several sections at once from what is still pending,
 * so every kill lands before the run can finish: a session commits at most an equal share of the
 * pending sections, less `margin` (sections that may still commit between the event and the
 * signal), split over the kills still to come. With nothing to spare it kills on the first
 * step-start, while the first sections are still being drafted. Pure, given `random`.
 */
export function pickParallelKillPoint({
  random,
  pending,
  killsLeft,
  margin,
  mostCommits = 3,
}: {
  random: Random;
  /** Sections not committed yet; unknown (undefined) before the plan exists. */
  pending: number | undefined;
  /** Kills still to come, this one included. */
  killsLeft: number;
  margin: number;
  mostCommits?: number;
}): ParallelKillPoint {
  const spare = pending === undefined ? 0 : Math.floor((pending - margin) / killsLeft);
  const commits = random.integer(0, Math.max(0, Math.min(mostCommits, spare)));
  // A section's usage and step-end follow its commit: with none to spare, only a step-start
  // is sure to come while every pending section is still in flight.
  const after = commits === 0 ? 'step-start' : random.pick(points);
  return {
    after,
    commits,
    reached: (event, committed) =>
      event.type === after && event.sectionId !== undefined && committed >= commits,
  };
}
