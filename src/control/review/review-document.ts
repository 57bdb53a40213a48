import type { Finding } from '../../evaluators/finding.js';
import { callObject } from '../../model/call-object.js';
import type { CallSettings } from '../../model/call-settings.js';
import { addUsage, type CallUsage, emptyUsage } from '../../model/usage-meter.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import { estimateTokens } from '../../util/estimate-tokens.js';
import { planReviewWindows } from './plan-review-windows.js';
import { ReviewReplySchema } from './review-reply-schema.js';
import { type ReviewedSection, type ReviewFacts, renderFacts } from './reviewed-section.js';

/** Tokens of the review's instructions, beside the request, the plan and the sections. */
const instructionTokens = 900;

/** What the reviewer found, over every window it read. */
export interface ReviewDocumentResult {
  findings: Finding[];
  usage: CallUsage;
  calls: number;
}

/**
 * The whole-document reviewer: reads the sections (all at once, or in overlapping windows when
 * the model's context window cannot hold them beside the request, the plan and the reply) and
 * returns its findings as data, one per section named, deduplicated across windows. A finding
 * naming a section outside the window read is dropped: the reviewer never saw it.
 */
export async function reviewDocument({
  call,
  request,
  sections,
  facts = [],
  sectionCount = sections.length,
  maxOutputTokens = 4_000,
}: {
  call: CallSettings;
  request: string;
  sections: readonly ReviewedSection[];
  facts?: ReviewFacts;
  /** Sections in the whole document, when `sections` is a part of it (a recheck). */
  sectionCount?: number;
  maxOutputTokens?: number;
}): Promise<ReviewDocumentResult> {
  const count = (text: string) => call.window?.counter.count(text) ?? estimateTokens(text);
  const plan = renderPlan(sections);
  const fixed = count(request) + count(plan) + instructionTokens + maxOutputTokens;
  const windows = planReviewWindows({
    sectionTokens: sections.map((section) => count(renderSection(section))),
    budgetTokens:
      call.window === undefined
        ? undefined
        : Math.max(1, call.window.budget() - fixed - (call.thinkingTokens ?? 0)),
  });
  const findings = new Map<string, Finding>();
  let usage = emptyUsage;
  for (const { first, last } of windows) {
    const shown = sections.slice(first, last + 1);
    const reply = await callObject({
      ...call,
      ...(await renderPrompt({
        name: 'review-document',
        variables: {
          request,
          plan,
          facts: renderFacts(facts),
          shown: `${shown[0]!.index + 1}–${shown.at(-1)!.index + 1} of ${sectionCount}`,
          document: shown.map(renderSection).join('\n\n'),
        },
      })),
      schema: ReviewReplySchema,
      schemaName: 'review',
      maxOutputTokens,
      temperature: 0,
    });
    usage = addUsage(usage, reply.usage);
    const ids = new Set(shown.map((section) => section.id));
    for (const found of reply.object.findings) {
      for (const id of new Set(found.sections)) {
        if (!ids.has(id)) continue;
        const finding: Finding = {
          evaluator: 'review',
          ruleId: `review/${found.rule}`,
          message: found.message,
          severity: found.severity,
          location: { section: id },
        };
        findings.set(`${finding.ruleId}\u0000${id}\u0000${finding.message}`, finding);
      }
    }
  }
  return { findings: [...findings.values()], usage, calls: windows.length };
}

/** The plan as the reviewer reads it: one line per section. Pure. */
export function renderPlan(sections: readonly ReviewedSection[]): string {
  return sections
    .map(
      (section) =>
        `- ${section.id} "${section.title.replace(/"/g, "'")}" (${section.words} words): ${section.brief.replace(/\s+/g, ' ')}`,
    )
    .join('\n');
}

/** One section as the reviewer reads it, tagged with its id. Pure. */
export function renderSection(section: ReviewedSection): string {
  return `<section id="${section.id}" title="${section.title.replace(/"/g, "'")}">\n${section.text.trim()}\n</section>`;
}
