import type { Finding } from '../evaluators/finding.js';
import type { CallSettings } from '../model/call-settings.js';
import { callText } from '../model/call-text.js';
import type { CallUsage } from '../model/usage-meter.js';
import type { PlanSection } from '../planner/plan-schema.js';
import { lengthDirective } from '../prompts/length-directive.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import { readSectionReply } from './read-section-reply.js';

/** The new opening paragraph. */
export interface RewriteSeamOpeningResult {
  text: string;
  usage: CallUsage;
}

/**
 * Rewrites the opening paragraph of a section drafted without seeing the one before it, in a
 * bounded context: the earlier section's last paragraphs, the section's brief and opening, what
 * is wrong at the join and the established facts. Never the whole document, nor the rest of the
 * section, so a repair costs about one paragraph whatever the document's length.
 */
export async function rewriteSeamOpening({
  settings,
  request,
  earlier,
  ending,
  section,
  opening,
  findings,
  facts,
  words,
  lang,
}: {
  settings: CallSettings;
  request: string;
  /** The section before. */
  earlier: PlanSection;
  /** Its last paragraphs. */
  ending: string;
  section: PlanSection;
  /** The section's current opening paragraph. */
  opening: string;
  findings: readonly Finding[];
  /** The facts as the prompt shows them. */
  facts: string;
  /** About how long the new opening should be. */
  words: number;
  lang: string;
}): Promise<RewriteSeamOpeningResult> {
  const reply = await callText({
    ...settings,
    ...(await renderPrompt({
      name: 'rewrite-seam-opening',
      variables: {
        request,
        earlierTitle: earlier.title,
        ending,
        sectionTitle: section.title,
        brief: section.brief,
        findings: findings.map((finding) => `- ${finding.ruleId}: ${finding.message}`).join('\n'),
        facts,
        opening,
        lengthDirective: lengthDirective({ words, lang, verb: 'Write the new opening' }),
      },
    })),
    // Room for twice the paragraph asked for: an opening cut short would break the join again.
    maxOutputTokens: Math.max(200, words * 4),
  });
  const cleaned = readSectionReply({ reply: reply.text, section });
  return { text: cleaned.text, usage: reply.usage };
}
