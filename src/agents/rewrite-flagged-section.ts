import type { Finding } from '../evaluators/finding.js';
import type { CallSettings } from '../model/call-settings.js';
import { callText } from '../model/call-text.js';
import type { CallUsage } from '../model/usage-meter.js';
import type { PlanSection } from '../planner/plan-schema.js';
import { lengthDirective } from '../prompts/length-directive.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import { readSectionReply } from './read-section-reply.js';

/** The rewritten section. */
export interface RewriteFlaggedSectionResult {
  text: string;
  usage: CallUsage;
  finishReason: 'stop' | 'length' | 'tool-calls';
}

/**
 * Rewrites one section of a finished document that the whole-document review flagged, in a
 * bounded context: its brief, the findings against it, the edges of its neighbours (the last
 * paragraph before it, the first after it) and the established facts; never the whole document,
 * so the cost of a rewrite does not grow with the document.
 */
export async function rewriteFlaggedSection({
  settings,
  request,
  section,
  text,
  findings,
  facts,
  before,
  after,
  lang,
  maxOutputTokens,
}: {
  settings: CallSettings;
  request: string;
  section: PlanSection;
  text: string;
  findings: readonly Finding[];
  /** The facts as the prompt shows them. */
  facts: string;
  /** The text of the section before, if any. */
  before: string | undefined;
  /** The text of the section after, if any. */
  after: string | undefined;
  lang: string;
  maxOutputTokens: number;
}): Promise<RewriteFlaggedSectionResult> {
  const paragraphs = (value: string) =>
    value.split(/\n\s*\n/).filter((paragraph) => !paragraph.trim().startsWith('#'));
  const reply = await callText({
    ...settings,
    ...(await renderPrompt({
      name: 'rewrite-flagged-section',
      variables: {
        request,
        sectionTitle: section.title,
        brief: section.brief,
        findings: findings.map((finding) => `- ${finding.ruleId}: ${finding.message}`).join('\n'),
        facts,
        before:
          before === undefined
            ? '(this section opens the document)'
            : (paragraphs(before).at(-1) ?? '').trim(),
        after:
          after === undefined
            ? '(this section ends the document)'
            : (paragraphs(after)[0] ?? '').trim(),
        lengthDirective: lengthDirective({ words: section.words, lang, verb: 'Return it' }),
        text,
      },
    })),
    maxOutputTokens,
  });
  const cleaned = readSectionReply({ reply: reply.text, section });
  return { text: cleaned.text, usage: reply.usage, finishReason: reply.finishReason };
}
