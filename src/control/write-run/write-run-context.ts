import type { Config } from '../../config/config-schema.js';
import type { RunStore } from '../../store/run-store.js';
import type { Task } from '../../task/task-schema.js';
import type { TrackStage } from '../review/run-review.js';
import type { RunSession } from '../run-session.js';

/** What every step of a write run works with. */
export interface WriteRunContext {
  store: RunStore;
  /** The task the run writes, with its new target length when given one. */
  task: Task;
  config: Config;
  session: RunSession;
  /** Counts the calls a stage makes toward it in run.json. */
  trackStage: TrackStage;
}
