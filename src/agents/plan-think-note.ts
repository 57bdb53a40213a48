import type { CallSettings } from '../model/call-settings.js';
import { callText } from '../model/call-text.js';
import type { CallUsage } from '../model/usage-meter.js';
import { removeThinkMarkers } from './split-think-note.js';

/** Output tokens a think note may use: five short lines, with room to spare. */
export const thinkNoteTokens = 400;

/**
 * Asks for a section's think note in a call of its own (the prompt is the section's, ending
 * with the request to plan it: see `think-note-ask`). The reply is the note, without any marker
 * a model may add; undefined when the reply is empty.
 */
export async function planThinkNote({
  settings,
  system,
  prompt,
  sectionId,
}: {
  settings: CallSettings;
  system: string | undefined;
  prompt: string;
  sectionId: string;
}): Promise<{ note: string | undefined; usage: CallUsage }> {
  const reply = await callText({ ...settings, system, prompt, maxOutputTokens: thinkNoteTokens });
  const note = removeThinkMarkers({ text: reply.text, sectionId }).text.trim();
  return { note: note === '' ? undefined : note, usage: reply.usage };
}
