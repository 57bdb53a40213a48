import type { CodeSettings } from '../../../code/code-settings.js';
import type { Config } from '../../../config/config-schema.js';
import type { ContextWindow } from '../../../model/context/context-window.js';
import type { ResolvedModel } from '../../../model/resolve-model.js';
import { thinkingAllowance } from '../../../model/thinking-allowance.js';

/** Room kept for a step's reply when `code.maxOutputTokens` does not set it. */
const codeReplyTokens = 4_096;

/** A code run's settings fitted to the model's context window. */
export interface FittedCodeSettings {
  settings: CodeSettings;
  /** Tokens of thinking allowed per call beside the reply. */
  thinkingTokens: number;
  /** Tokens kept for a step's reply, thinking included. */
  replyRoom: number;
}

/**
 * The code settings of `config` with a step's conversation capped so that it and the reply,
 * thinking included, fit `window` together. Pure.
 */
export function fitCodeSettings({
  config,
  window,
  model,
}: {
  config: Config;
  window: ContextWindow;
  model: ResolvedModel;
}): FittedCodeSettings {
  const thinkingTokens = thinkingAllowance({
    modelId: model.modelId,
    configured: config.thinkingTokens,
    reasons: model.reasons,
  });
  // A step's conversation and its reply, thinking included, must fit the model's window together.
  const replyRoom = (config.code.maxOutputTokens ?? codeReplyTokens) + thinkingTokens;
  const fitting = Math.max(0, window.budget() - replyRoom);
  const settings: CodeSettings = {
    ...config.code,
    conversationTokens: Math.min(config.code.conversationTokens, fitting),
    maxTokens: config.code.maxTokens ?? config.maxTokens,
  };
  return { settings, thinkingTokens, replyRoom };
}
