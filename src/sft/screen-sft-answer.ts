import type { Finding } from '../evaluators/finding.js';
import type { RepetitionResult } from '../evaluators/repetition/repetition-result-schema.js';

/**
 * Why an answer is kept out of the training data. `incomplete-length`: its run ended outside the
 * length gate (or stopped early for the model's capacity), as `quire write` would report it.
 */
export type SftRejectionReason =
  | 'too-short'
  | 'incomplete-length'
  | 'too-repetitive'
  | 'failed-checks'
  | 'meta-text';

/** One reason an answer was rejected, with what was measured. */
export interface SftRejection {
  reason: SftRejectionReason;
  message: string;
}

/** The filters an answer goes through; a suite may turn some off. */
export type SftFilter = 'length' | 'repetition' | 'checks' | 'meta-text';

/** Every filter: what `quire sft` applies unless a suite says otherwise. */
export const allSftFilters: ReadonlySet<SftFilter> = new Set([
  'length',
  'repetition',
  'checks',
  'meta-text',
]);

/** The in-loop checks whose failure, still standing when a section was kept, rejects it. */
const contentChecks = new Set(['check/overlap', 'check/constraint-missing']);

/**
 * Decides whether an answer is good training data: too short (under `minWords`), too
 * repetitive (rep-4 over `maxRep4`, or a collapse late in the text), failed checks (a section
 * kept although it still repeats earlier sections or misses a required item), or meta-text
 * (plan labels, assistant chatter, word counts, API errors kept in a section). A section off its
 * own budget is not a reason: the whole answer's length is. Returns every reason; empty means
 * keep. Pure.
 */
export function screenSftAnswer({
  words,
  minWords,
  maxRep4,
  repetition,
  sectionFindings,
  filters,
}: {
  words: number;
  minWords: number;
  maxRep4: number;
  repetition: RepetitionResult;
  /** Findings still standing on committed sections (their step-end events). */
  sectionFindings: readonly Finding[];
  filters: ReadonlySet<SftFilter>;
}): SftRejection[] {
  const rejections: SftRejection[] = [];
  if (filters.has('length') && words < minWords) {
    rejections.push({
      reason: 'too-short',
      message: `${words} words, under the minimum of ${minWords}`,
    });
  }
  if (filters.has('repetition')) {
    if (repetition.rep4 > maxRep4) {
      rejections.push({
        reason: 'too-repetitive',
        message: `rep-4 ${repetition.rep4.toFixed(3)} is over ${maxRep4}`,
      });
    }
    if (repetition.lateCollapse.status === 'collapse') {
      const at = Math.round((repetition.lateCollapse.position ?? 0) * 100);
      rejections.push({
        reason: 'too-repetitive',
        message: `the text collapses from ${at}% on (${repetition.lateCollapse.reasons.join(', ')})`,
      });
    }
  }
  const errors = sectionFindings.filter((finding) => finding.severity === 'error');
  const failed = errors.filter((finding) => contentChecks.has(finding.ruleId));
  if (filters.has('checks') && failed.length > 0) {
    rejections.push({ reason: 'failed-checks', message: summarise(failed) });
  }
  const meta = errors.filter((finding) => finding.ruleId.startsWith('check/meta-'));
  if (filters.has('meta-text') && meta.length > 0) {
    rejections.push({ reason: 'meta-text', message: summarise(meta) });
  }
  return rejections;
}

function summarise(findings: readonly Finding[]): string {
  const first = findings[0];
  const where = first?.location?.section ? ` (section ${first.location.section})` : '';
  const more = findings.length > 1 ? `, and ${findings.length - 1} more` : '';
  return `${first?.message}${where}${more}`;
}
