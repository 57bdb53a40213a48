import { contradictingValues } from './contradicting-values.js';
import { droppedThreads } from './dropped-threads.js';
import { metaTextSections } from './meta-text-sections.js';
import { offBriefSections } from './off-brief-sections.js';
import { offLengthSections } from './off-length-sections.js';
import { repeatedParagraphs } from './repeated-paragraphs.js';
import {
  type ReviewedDocument,
  readReviewedDocument,
  type SimReviewFinding,
} from './reviewed-document.js';
import type { SimResponseFormat } from './sim-request.js';

/** True when a JSON request's schema asks for a list of `findings`: a reviewer's request. */
export function asksForReview(format: SimResponseFormat): boolean {
  if (format.type !== 'json' || typeof format.schema !== 'object') return false;
  const properties = (format.schema as { properties?: Record<string, unknown> }).properties;
  return properties !== undefined && 'findings' in properties && 'reviewed' in properties;
}

/** The simulated reviewer's checks, in the order their findings are reported. */
const checks: ReadonlyArray<(document: ReviewedDocument) => SimReviewFinding[]> = [
  repeatedParagraphs,
  metaTextSections,
  contradictingValues,
  droppedThreads,
  offBriefSections,
  offLengthSections,
];

/**
 * Answers a reviewer's request the way a careful reader would, from the prompt alone: the plan
 * and the sections shown. Repeated paragraphs by comparing the text, meta-text by its phrasing,
 * contradicting names and figures by comparing mentions that follow the same words (the value
 * most sections state wins), an opened thread no later section shown names again, a section
 * that keeps returning to words the request, the plan, the facts and the other sections do not
 * use, a section far from its budget by counting. It never sees what was planted. Pure.
 */
export function reviewAsSim({ prompt }: { prompt: string }): {
  reviewed: string[];
  findings: SimReviewFinding[];
} {
  const document = readReviewedDocument({ prompt });
  return {
    reviewed: document.shown.map((section) => section.id),
    findings: checks.flatMap((check) => check(document)),
  };
}
