import type { CallSettings } from '../model/call-settings.js';
import { type CallTextResult, callText } from '../model/call-text.js';
import type { PlanSection } from '../planner/plan-schema.js';
import { lengthDirective } from '../prompts/length-directive.js';
import { renderPrompt } from '../prompts/render-prompt.js';

/**
 * Asks the model to go on with a section from where its text stops: after a reply cut by the
 * output limit, or to add what a too-short section is missing. Returns the continuation alone
 * (with the writer's notes, if it left any, still in it).
 */
export async function continueSection({
  settings,
  section,
  text,
  words,
  lang,
  maxOutputTokens,
  onTextDelta,
}: {
  settings: CallSettings;
  section: PlanSection;
  /** The text so far; its end is shown to the model. */
  text: string;
  /** How many more words to write. */
  words: number;
  lang: string;
  maxOutputTokens: number;
  onTextDelta?: (delta: string) => void;
}): Promise<CallTextResult> {
  const rendered = await renderPrompt({
    name: 'continue-section',
    variables: {
      sectionTitle: section.title,
      brief: section.brief,
      tail: text.slice(-2_000),
      lengthDirective: lengthDirective({ words, lang, verb: 'Write' }),
    },
  });
  return callText({ ...settings, ...rendered, maxOutputTokens, onTextDelta });
}
