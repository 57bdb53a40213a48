import { briefWords, wordOverlap } from '../planner/critique/rule-critique.js';
import {
  mentions,
  readPlanLines,
  readRequest,
  requestTerms,
  type SimPlanSection,
} from './sim-plan.js';
import type { SimResponseFormat } from './sim-request.js';

/** One defect the simulated critic reports, in the shape the critique's schema asks for. */
export interface SimCritiqueFinding {
  rule:
    | 'overlap'
    | 'vague-brief'
    | 'missing-part'
    | 'unbalanced-budget'
    | 'generic-frame'
    | 'listicle';
  sections: string[];
  message: string;
  severity: 'error' | 'warning';
}

/** True when a JSON request's schema asks for `checked` and `findings`: a plan critic's request. */
export function asksForPlanCritique(format: SimResponseFormat): boolean {
  if (format.type !== 'json' || typeof format.schema !== 'object') return false;
  const properties = (format.schema as { properties?: Record<string, unknown> }).properties;
  return properties !== undefined && 'findings' in properties && 'checked' in properties;
}

const frameTitle =
  /^(?:introduction|overview|background|conclusion|summary|final thoughts|closing thoughts|wrapping up)\b/i;
const listTitle =
  /^(?:top\s+)?(?:\d+|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z]+\s+)?(?:ways|tips|reasons|things|steps|mistakes|secrets|lessons)\b/i;

/**
 * Answers a plan critic's request the way a careful editor would, from the prompt alone: the
 * request and the plan's lines. Two briefs sharing most of their words, a subject the request
 * names that no title or brief takes up, a budget far above or below the others', a brief of a
 * few words, an introduction or conclusion the request never asked for, list headings. It never
 * sees what was planted. Pure.
 */
export function critiqueAsSim({ prompt }: { prompt: string }): {
  checked: string[];
  findings: SimCritiqueFinding[];
} {
  const request = readRequest(prompt);
  const plan = readPlanLines(prompt);
  return {
    checked: plan.map((section) => section.id!),
    findings: [
      ...overlaps(plan),
      ...missingParts(plan, request),
      ...unbalanced(plan),
      ...vague(plan),
      ...(/introduc|conclu|overview|summar/i.test(request)
        ? []
        : titled(
            plan,
            frameTitle,
            'generic-frame',
            'only frames the document, which the request did not ask for: fold it into its neighbour',
          )),
      ...(/\blists?\b|\btips\b|\bways\b/i.test(request)
        ? []
        : titled(
            plan,
            listTitle,
            'listicle',
            'reads as a list heading: write the heading of a continuous document',
          )),
    ],
  };
}

function overlaps(plan: readonly SimPlanSection[]): SimCritiqueFinding[] {
  const words = plan.map((section) => briefWords(section.brief));
  const findings: SimCritiqueFinding[] = [];
  plan.forEach((later, index) => {
    const earlier = plan.findIndex(
      (_, other) =>
        other < index && words[other]!.size >= 6 && wordOverlap(words[other]!, words[index]!) > 0.5,
    );
    if (earlier < 0 || words[index]!.size < 6) return;
    findings.push({
      rule: 'overlap',
      sections: [plan[earlier]!.id!, later.id!],
      message: `${later.id} covers the same ground as ${plan[earlier]!.id}: give ${later.id} a brief of its own`,
      severity: 'error',
    });
  });
  return findings;
}

function missingParts(plan: readonly SimPlanSection[], request: string): SimCritiqueFinding[] {
  return requestTerms(request)
    .filter((term) => !plan.some((section) => mentions(`${section.title} ${section.brief}`, term)))
    .map((term) => ({
      rule: 'missing-part',
      sections: [],
      message: `the request asks about "${term}" but no section covers it`,
      severity: 'error',
    }));
}

function unbalanced(plan: readonly SimPlanSection[]): SimCritiqueFinding[] {
  if (plan.length < 3) return [];
  const total = plan.reduce((sum, section) => sum + section.words, 0);
  return plan
    .filter((section) => {
      const others = (total - section.words) / (plan.length - 1);
      return section.words > others * 2.5 || section.words < others * 0.4;
    })
    .map((section) => ({
      rule: 'unbalanced-budget',
      sections: [section.id!],
      message: `${section.id} has ${section.words} words, far from the others' ${Math.round((total - section.words) / (plan.length - 1))}: rebalance`,
      severity: 'warning',
    }));
}

function vague(plan: readonly SimPlanSection[]): SimCritiqueFinding[] {
  return plan
    .filter((section) => briefWords(section.brief).size < 6)
    .map((section) => ({
      rule: 'vague-brief',
      sections: [section.id!],
      message: `the brief of ${section.id} is too thin to write from: say what it covers`,
      severity: 'error',
    }));
}

/** A finding of `rule` against each section whose title matches `pattern`. */
function titled(
  plan: readonly SimPlanSection[],
  pattern: RegExp,
  rule: 'generic-frame' | 'listicle',
  problem: string,
): SimCritiqueFinding[] {
  return plan
    .filter((section) => pattern.test(section.title))
    .map((section) => ({
      rule,
      sections: [section.id!],
      message: `"${section.title}" ${problem}`,
      severity: 'warning',
    }));
}
