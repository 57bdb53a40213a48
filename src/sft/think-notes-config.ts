import type { Config } from '../config/config-schema.js';
import { qualityTable } from '../config/quality-levels.js';
import { ConfigError } from '../errors/config-error.js';

/**
 * The settings `quire sft` runs each instruction with when its records carry think notes
 * (`sft.thinkNotes`): a level that makes none (`fast`, sft's own default) gets notes marked in
 * each section's reply, the cheaper way (README, "Think notes"), so the field is never empty for
 * want of asking. A `write.thinkNotes` set in config is kept. Throws `ConfigError` when it is
 * `"off"`, which cannot give the field anything. Pure.
 */
export function thinkNotesConfig(config: Config): Config {
  if (!config.sft.thinkNotes) return config;
  if (config.write.thinkNotes === 'off') {
    throw new ConfigError({
      message:
        'think notes were asked for in the records (--think-notes or sft.thinkNotes) but write.thinkNotes is "off", so no section makes one: set write.thinkNotes to "marked" or "call", or leave it unset',
      key: 'write.thinkNotes',
    });
  }
  if (config.write.thinkNotes !== undefined) return config;
  if (qualityTable[config.write.quality].thinkNotes !== 'off') return config;
  return { ...config, write: { ...config.write, thinkNotes: 'marked' } };
}
