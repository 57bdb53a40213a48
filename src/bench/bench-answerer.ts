import type { Config } from '../config/config-schema.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import type { Task } from '../task/task-schema.js';
import { answerDirectly } from './answer-directly.js';
import { answerWithQuire } from './answer-with-quire.js';
import type { BenchAnswer } from './bench-answer.js';
import type { ModelMode } from './bench-mode.js';
import { seededModel } from './seeded-model.js';

/** One benchmark answer to produce. */
export interface BenchAnswerRequest {
  mode: ModelMode;
  /** What `direct` mode sends. */
  prompt: string;
  /** What `quire` mode runs. */
  task: Task;
  /** Set on every call: another, reproducible draw of the same prompt. */
  seed?: number;
  /** Where a `quire` run lives. */
  directory: string;
  model: ResolvedModel;
  config: Config;
  abortSignal?: AbortSignal;
}

/** Who produces benchmark answers: `answerHere`, or queue workers (`--queue`). */
export type BenchAnswerer = (request: BenchAnswerRequest) => Promise<BenchAnswer>;

/**
 * Produces the answer in this process: `direct` sends the prompt in one call, `quire` runs the
 * pipeline in `directory` (resuming a run a killed session left there).
 */
export const answerHere: BenchAnswerer = ({
  mode,
  prompt,
  task,
  seed,
  directory,
  model,
  config,
  abortSignal,
}) => {
  const drawn = seed === undefined ? model : seededModel({ model, seed });
  return mode === 'direct'
    ? answerDirectly({ model: drawn, prompt, config, abortSignal })
    : answerWithQuire({ directory, task, config, model: drawn, abortSignal });
};
