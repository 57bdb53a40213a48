import type { Finding } from '../evaluators/finding.js';
import type { Report } from '../evaluators/report-schema.js';

/**
 * Why an answer is kept out of the training data. `incomplete-length`: its run ended outside the
 * length gate (or stopped early for the model's capacity), as `quire write` would report it.
 * `no-pairs`: with `--format dpo`, the run gave no preference pair.
 */
export type SftRejectionReason =
  | 'too-short'
  | 'too-long'
  | 'incomplete-length'
  | 'too-repetitive'
  | 'failed-checks'
  | 'meta-text'
  | 'no-pairs';

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
 * Decides whether an answer is good training data, from its report (the one `quire eval`
 * writes for the same text and settings): too short (under `minWords`) or too long (over the
 * length gate's ceiling); too repetitive, exactly when the report has a repetition error (a
 * loop, a stretch that only repeats, a run of symbols, a collapse at the end, rep-4 over the
 * configured limit), so a text is never clean in one command and rejected in the other; failed
 * checks (a section kept although it still repeats earlier sections or misses a required item);
 * or meta-text (plan labels, assistant chatter, word counts, API errors kept in a section). A
 * section off its own budget is not a reason: the whole answer's length is. Returns every
 * reason; empty means keep. Pure.
 */
export function screenSftAnswer({
  report,
  minWords,
  sectionFindings,
  filters,
}: {
  report: Pick<Report, 'words' | 'length' | 'findings'>;
  minWords: number;
  /** Findings still standing on committed sections (their step-end events). */
  sectionFindings: readonly Finding[];
  filters: ReadonlySet<SftFilter>;
}): SftRejection[] {
  const rejections: SftRejection[] = [];
  const { words, length } = report;
  if (filters.has('length') && words < minWords) {
    rejections.push({
      reason: 'too-short',
      message: `${words} words, under the minimum of ${minWords}`,
    });
  }
  if (filters.has('length') && length.gate?.status === 'long') {
    rejections.push({
      reason: 'too-long',
      message: `${words} words, over the ceiling of ${length.gate.ceilingWords} (${length.gate.ceiling}× the target)`,
    });
  }
  const degenerate = report.findings.filter(
    (finding) => finding.evaluator === 'repetition' && finding.severity === 'error',
  );
  if (filters.has('repetition') && degenerate.length > 0) {
    rejections.push({ reason: 'too-repetitive', message: summarise(degenerate) });
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
