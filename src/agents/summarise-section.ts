import type { CallSettings } from '../model/call-settings.js';
import { callText } from '../model/call-text.js';
import type { CallUsage } from '../model/usage-meter.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import { cleanSectionText } from './clean-section-text.js';

/** The summariser's notes on one section. */
export interface SummariseSectionResult {
  notes: string[];
  usage: CallUsage;
}

/**
 * Asks the model for the facts a finished section established, for the running memory. Used
 * when `write.memory` is `summariser`; by default the writer leaves these notes itself, which
 * costs no extra call.
 */
export async function summariseSection({
  settings,
  sectionTitle,
  text,
}: {
  settings: CallSettings;
  sectionTitle: string;
  text: string;
}): Promise<SummariseSectionResult> {
  const reply = await callText({
    ...settings,
    ...(await renderPrompt({ name: 'summarise-section', variables: { sectionTitle, text } })),
    maxOutputTokens: 400,
  });
  // The summariser's chatter ("Sure! Here are the facts:") is no fact to remember.
  const notes = cleanSectionText({ text: reply.text, title: sectionTitle })
    .text.split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line !== '')
    .slice(0, 6)
    .map((line) => (line.length > 240 ? `${line.slice(0, 240)}…` : line));
  return { notes, usage: reply.usage };
}
