import type { Config } from '../../config/config-schema.js';
import type { Judge } from '../../evaluators/judge.js';
import type { RunStore } from '../../store/run-store.js';
import type { stageTally } from '../../store/stage-usage.js';
import type { CandidateSettings } from './draft-candidates.js';

/**
 * Best of N for a run: `count` drafts of each section, kept in the run directory, told apart by
 * the tolerances of the section checks, judged when a judge is given, the extra drafts counted
 * in `extraDrafts`. Undefined (draft once) when `count` is 1. Pure.
 */
export function candidateSettings({
  config,
  count,
  store,
  judge,
  extraDrafts,
}: {
  config: Config;
  count: number;
  store: RunStore;
  judge: Judge | undefined;
  extraDrafts: ReturnType<typeof stageTally>;
}): CandidateSettings | undefined {
  if (count <= 1) return undefined;
  return {
    count,
    directory: store.directory,
    judge,
    resolution: { length: config.write.lengthTolerance, overlap: config.write.maxOverlap },
    onExtraDraft: ({ usage, calls }) => extraDrafts.add(usage, calls),
  };
}
