import type { ModelMessage } from 'ai';
import type { CallSettings } from '../../model/call-settings.js';
import { callText } from '../../model/call-text.js';
import type { CallUsage } from '../../model/usage-meter.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import type { CodeInstruction } from '../plan/code-plan.js';
import { formatInstruction } from './format-instruction.js';
import { renderConversation } from './render-conversation.js';

/**
 * Condenses a step's conversation that outgrew its budget into a progress note, from which the
 * step restarts in a fresh context. The note's input is itself bounded (`maxChars` of the most
 * recent conversation), so summarising never needs more context than a step.
 */
export async function summariseStep({
  call,
  instruction,
  messages,
  maxChars,
}: {
  call: CallSettings;
  instruction: CodeInstruction;
  messages: ModelMessage[];
  maxChars: number;
}): Promise<{ summary: string; usage: CallUsage }> {
  const { prompt } = await renderPrompt({
    name: 'code-step-summary',
    variables: {
      instruction: formatInstruction(instruction),
      conversation: renderConversation({ messages, maxChars }),
    },
  });
  const reply = await callText({ ...call, prompt, maxOutputTokens: 1_000 });
  return { summary: reply.text.trim(), usage: reply.usage };
}
