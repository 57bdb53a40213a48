import type { Finding } from '../../evaluators/finding.js';
import type { CallSettings } from '../../model/call-settings.js';
import type { CallUsage } from '../../model/usage-meter.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { SectionCheckInput } from '../checks/section-check.js';
import { reviewDocument } from './review-document.js';
import type { ReviewFacts } from './reviewed-section.js';
import { reviewedSections } from './reviewed-sections.js';
import { ruleFindings } from './rule-findings.js';

/**
 * The findings against a rewritten section, in the document with the rewrite in place: the
 * rule-based checks over the whole document, and the reviewer on the section between its two
 * neighbours (bounded, whatever the document's length).
 */
export async function recheckSection({
  call,
  request,
  plan,
  texts,
  index,
  candidate,
  facts,
  settings,
}: {
  call: CallSettings;
  request: string;
  plan: Plan;
  texts: readonly string[];
  index: number;
  candidate: string;
  facts: ReviewFacts;
  settings: SectionCheckInput['settings'];
}): Promise<{ findings: Finding[]; usage: CallUsage }> {
  const substituted = texts.map((text, position) => (position === index ? candidate : text));
  const rules = ruleFindings({ plan, texts: substituted, only: [index], settings });
  const neighbours = reviewedSections({ plan, texts: substituted }).slice(
    Math.max(0, index - 1),
    index + 2,
  );
  const reviewed = await reviewDocument({
    call,
    request,
    sections: neighbours,
    facts,
    sectionCount: plan.sections.length,
  });
  const id = plan.sections[index]!.id;
  return {
    findings: [
      ...reviewed.findings.filter((finding) => finding.location?.section === id),
      ...rules,
    ],
    usage: reviewed.usage,
  };
}
