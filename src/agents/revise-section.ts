import { countWords } from '../evaluators/count-words.js';
import type { Finding } from '../evaluators/finding.js';
import type { CallSettings } from '../model/call-settings.js';
import { callText } from '../model/call-text.js';
import type { ReplyMeasure } from '../model/reply-capacity.js';
import type { CallUsage } from '../model/usage-meter.js';
import type { PlanSection } from '../planner/plan-schema.js';
import { lengthDirective } from '../prompts/length-directive.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import { continueSection } from './continue-section.js';
import { measureReply } from './measure-reply.js';
import { readSectionReply } from './read-section-reply.js';
import { joinContinuation } from './write-section.js';

/**
 * How a failed section is repaired: `expand` appends what is missing (cheaper than rewriting the
 * whole section), `condense` rewrites it shorter, `rewrite` rewrites it at its budget to fix
 * content problems.
 */
export type RepairAction = 'expand' | 'condense' | 'rewrite';

/** The repaired section. */
export interface ReviseSectionResult {
  text: string;
  /** What cleaning stripped from the reply, as `info` findings. */
  stripped: Finding[];
  usage: CallUsage;
  finishReason: 'stop' | 'length' | 'tool-calls';
  /** The reply measured: the words it added (expand) or held (condense, rewrite). */
  reply: ReplyMeasure;
}

/**
 * Repairs one section with the findings of its checks as feedback. `words` is what the call
 * asks for: the words to add (`expand`), or the length of the whole section (`condense`,
 * `rewrite`); by default what the section's budget calls for.
 */
export async function reviseSection({
  settings,
  request,
  section,
  text,
  findings,
  action,
  words = action === 'expand' ? Math.max(50, section.words - countWords(text)) : section.words,
  lang,
  maxOutputTokens,
}: {
  settings: CallSettings;
  request: string;
  section: PlanSection;
  text: string;
  findings: Finding[];
  action: RepairAction;
  words?: number;
  lang: string;
  maxOutputTokens: number;
}): Promise<ReviseSectionResult> {
  if (action === 'expand') {
    const reply = await continueSection({
      settings,
      section,
      text,
      words,
      lang,
      maxOutputTokens,
    });
    const addition = readSectionReply({ reply: reply.text, section });
    return {
      text: joinContinuation(text, `\n\n${addition.text}`),
      stripped: addition.findings,
      usage: reply.usage,
      finishReason: reply.finishReason,
      // A continuation that adds little is a matter of progress, judged by the repair policy;
      // what a reply holds is learned from whole writing replies.
      reply: measureReply({
        asked: undefined,
        text: addition.text,
        finishReason: reply.finishReason,
      }),
    };
  }
  const task =
    action === 'condense'
      ? `Condense the section: keep its substance, cut repetition and padding. ${lengthDirective({ words, lang, verb: 'Return it' })}`
      : `Rewrite the section to fix every problem listed. ${lengthDirective({ words, lang, verb: 'Return it' })}`;
  const reply = await callText({
    ...settings,
    ...(await renderPrompt({
      name: 'revise-section',
      variables: {
        request,
        sectionTitle: section.title,
        brief: section.brief,
        constraints: section.constraints.length
          ? section.constraints.map((constraint) => `- ${constraint.text}`).join('\n')
          : '- (nothing in particular)',
        problems: findings.map((finding) => `- ${finding.message}`).join('\n'),
        task,
        text,
      },
    })),
    maxOutputTokens,
  });
  const cleaned = readSectionReply({ reply: reply.text, section });
  return {
    text: cleaned.text,
    stripped: cleaned.findings,
    usage: reply.usage,
    finishReason: reply.finishReason,
    // A condensed text is short on purpose: it says only that the model wrote this much.
    reply: measureReply({
      asked: action === 'rewrite' ? words : undefined,
      text: cleaned.text,
      finishReason: reply.finishReason,
    }),
  };
}
