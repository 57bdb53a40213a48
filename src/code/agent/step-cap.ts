import type { CodeSettings } from '../code-settings.js';
import type { StepEndReason } from './code-step-result.js';

/**
 * The cap a step has reached before its next turn, if any: its turns, its tokens, or the run's
 * remaining tokens. Pure.
 */
export function stepCap({
  turns,
  spentTokens,
  runTokensLeft,
  settings,
}: {
  turns: number;
  spentTokens: number;
  runTokensLeft: number | undefined;
  settings: Pick<CodeSettings, 'maxTurns' | 'maxStepTokens'>;
}): { reason: StepEndReason; message: string } | undefined {
  if (turns >= settings.maxTurns) {
    return { reason: 'maxTurns', message: `the step used its ${settings.maxTurns} turns` };
  }
  if (spentTokens >= settings.maxStepTokens) {
    return {
      reason: 'stepTokens',
      message: `the step used ${spentTokens} tokens, its limit is ${settings.maxStepTokens}`,
    };
  }
  if (runTokensLeft !== undefined && spentTokens >= runTokensLeft) {
    return { reason: 'runTokens', message: 'the run reached its token limit' };
  }
  return undefined;
}

/**
 * The cap a run has reached before starting another step, if any: its steps or its tokens. Pure.
 */
export function runCap({
  stepsRun,
  spentTokens,
  settings,
}: {
  stepsRun: number;
  spentTokens: number;
  settings: Pick<CodeSettings, 'maxSteps' | 'maxTokens'>;
}): { reason: 'maxSteps' | 'runTokens'; message: string } | undefined {
  if (stepsRun >= settings.maxSteps) {
    return { reason: 'maxSteps', message: `the run had used its ${settings.maxSteps} steps` };
  }
  if (settings.maxTokens !== undefined && spentTokens >= settings.maxTokens) {
    return {
      reason: 'runTokens',
      message: `the run had used ${spentTokens} of its ${settings.maxTokens} tokens`,
    };
  }
  return undefined;
}
