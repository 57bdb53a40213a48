/**
 * How a benchmark answer is produced: `direct` sends the prompt to the model in one call (how
 * the papers score plain models); `quire` runs the whole pipeline around the same model;
 * `predictions` reads answers a model already wrote from a predictions file (no model call),
 * to score them exactly as the benchmark's authors did.
 */
export type BenchMode = 'direct' | 'quire' | 'predictions';

/** The modes in which a model answers, for `--mode` and suite files. */
export type ModelMode = Exclude<BenchMode, 'predictions'>;
