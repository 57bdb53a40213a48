import {
  addStageUsage,
  moveStageUsage,
  type RunStage,
  type StageTotals,
} from '../../store/stage-usage.js';
import type { TrackStage } from '../review/run-review.js';
import type { RunSession } from '../run-session.js';

/**
 * Calls made alongside a stage's own, which the meter cannot tell apart, by the stage they are
 * made in: the stage they count toward instead, and their running totals.
 */
export type CountedApart = Partial<Record<RunStage, { stage: RunStage; totals: StageTotals }>>;

/**
 * A `TrackStage` for `session`: runs `work`, counting its calls toward `stage` in run.json,
 * except the part counted apart (`countedApart`).
 */
export function stageTracker({
  session,
  countedApart,
}: {
  session: RunSession;
  countedApart: CountedApart;
}): TrackStage {
  const { meter } = session;
  return async <T>(stage: RunStage, work: () => Promise<T>): Promise<T> => {
    const before = meter.totals();
    try {
      return await work();
    } finally {
      const usage = addStageUsage({
        usage: session.info().stages ?? {},
        stage,
        before,
        after: meter.totals(),
      });
      const apart = countedApart[stage];
      const stages =
        apart && apart.totals.calls > 0
          ? moveStageUsage({ usage, from: stage, to: apart.stage, amount: apart.totals })
          : usage;
      await session.saveInfo({ stages });
    }
  };
}
