import type { Config } from '../../../config/config-schema.js';
import type { ContextWindow } from '../../../model/context/context-window.js';
import { formatTokens } from '../../../model/context/format-tokens.js';
import { widenWindowAdvice } from '../../../model/context/server-kind.js';
import { checkRequestSize } from '../../../task/check-request-size.js';
import type { FittedCodeSettings } from './fit-code-settings.js';

/**
 * Refuses a specification too large for a step's conversation (`UsageError`, see
 * `checkRequestSize`). When the context window capped the conversation below
 * `code.conversationTokens`, the message names the window and the size to widen it to. Pure.
 */
export function checkSpecFits({
  spec,
  config,
  fitted: { settings, thinkingTokens, replyRoom },
  window,
  modelId,
}: {
  spec: string;
  config: Config;
  fitted: FittedCodeSettings;
  window: ContextWindow;
  modelId: string;
}): void {
  const capped = settings.conversationTokens < config.code.conversationTokens;
  checkRequestSize({
    request: spec,
    contextTokens: settings.conversationTokens,
    setting: 'code.conversationTokens',
    what: 'specification',
    ...(capped
      ? {
          limitName: `a step's conversation (${formatTokens(settings.conversationTokens)} tokens in the model's ${formatTokens(window.state.tokens)}-token context window)`,
          fix: `${widenWindowAdvice({
            server: window.state.server,
            // Twice the specification, and the reply with its thinking, at the share of the
            // window quire fills.
            tokens:
              Math.ceil(
                ((2 * window.counter.count(spec) + replyRoom) *
                  (window.state.tokens / window.budget())) /
                  1024,
              ) * 1024,
          })}${thinkingTokens > 0 ? `, or lower "thinkingTokens" for ${modelId} in quire.config.json` : ''}`,
        }
      : {}),
  });
}
