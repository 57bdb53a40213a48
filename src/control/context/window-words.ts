import type { Config } from '../../config/config-schema.js';
import type { CallSettings } from '../../model/call-settings.js';
import { sectionWordsThatFit } from './section-words-that-fit.js';

/** The largest section the context window leaves room for, when it is below the planned maximum. */
export function windowWords({
  config,
  call,
  request,
}: {
  config: Config;
  call: CallSettings;
  request: string;
}): number | undefined {
  const fitting = sectionWordsThatFit({
    window: call.window,
    request,
    thinkingTokens: call.thinkingTokens,
    maxSectionWords: config.write.maxSectionWords,
    minSectionWords: config.write.minSectionWords,
  });
  return fitting < config.write.maxSectionWords ? fitting : undefined;
}
