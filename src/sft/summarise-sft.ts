import type { SftRunResult } from './run-sft.js';
import type { SftRejectionReason } from './screen-sft-answer.js';

/** What an SFT batch produced, in numbers. */
export interface SftSummary {
  written: number;
  rejected: number;
  /** Kept / (kept + rejected); null before anything was answered. */
  acceptedRate: number | null;
  /** Mean S_l of the kept records; null when none was kept. */
  meanLengthScore: number | null;
  /** Rejected answers per reason (an answer with two reasons counts in both). */
  reasons: Partial<Record<SftRejectionReason, number>>;
  /**
   * Kept records whose input had an answer (`reference`), and the mean words of theirs against
   * the reference's; null means when none had one.
   */
  references: { records: number; meanWords: number | null; meanReferenceWords: number | null };
  /** With `--format dpo`: the preference pairs written; null for SFT records. */
  pairs: number | null;
}

/** Sums up an SFT batch, earlier sessions included. Pure. */
export function summariseSft({
  result,
}: {
  result: Pick<SftRunResult, 'written' | 'rejected'>;
}): SftSummary {
  const answered = result.written.length + result.rejected.length;
  const counted = [...result.written, ...result.rejected.map((each) => each.metadata)].filter(
    (metadata) => metadata.pairs !== undefined,
  );
  const withReference = result.written.filter((each) => each.referenceWords > 0);
  const reasons: SftSummary['reasons'] = {};
  for (const { reasons: list } of result.rejected) {
    for (const reason of new Set(list.map((each) => each.reason))) {
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
  }
  return {
    written: result.written.length,
    rejected: result.rejected.length,
    acceptedRate: answered === 0 ? null : result.written.length / answered,
    meanLengthScore: mean(result.written.map((each) => each.lengthScore)),
    reasons,
    references: {
      records: withReference.length,
      meanWords: mean(withReference.map((each) => each.words)),
      meanReferenceWords: mean(withReference.map((each) => each.referenceWords)),
    },
    pairs: counted.length === 0 ? null : counted.reduce((sum, each) => sum + (each.pairs ?? 0), 0),
  };
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, each) => sum + each, 0) / values.length;
}
