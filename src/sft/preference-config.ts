import type { Config } from '../config/config-schema.js';

/**
 * The settings `quire sft --format dpo` runs each instruction with, so that it leaves pairs:
 * best of N with at least two candidates per section (`write.candidates`, kept when higher),
 * and the whole-document review on (`write.quality` standard, kept when `best`), whose kept
 * rewrites give the other pairs. Pure.
 */
export function preferenceConfig(config: Config): Config {
  return {
    ...config,
    write: {
      ...config.write,
      candidates: Math.max(2, config.write.candidates ?? 2),
      quality: config.write.quality === 'fast' ? 'standard' : config.write.quality,
    },
  };
}
