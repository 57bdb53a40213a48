/**
 * How a benchmark answer is produced: `direct` sends the prompt to the model in one call (how
 * the papers score plain models); `quire` runs the whole pipeline around the same model.
 */
export type BenchMode = 'direct' | 'quire';

/** The modes, for flags and suite files. */
export const benchModes: readonly BenchMode[] = ['direct', 'quire'];
