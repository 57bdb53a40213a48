import pLimit from 'p-limit';
import type { Judge } from '../judge.js';
import { type IndexedText, matchEvent } from './event-matcher.js';
import type { ConstraintCheck } from './expand-constraints.js';
import { judgeConstraint } from './judge-constraint.js';

/** How a check was decided. `stored`: by a verdict that came with the answer (SGT's judge). */
export type DecidedBy =
  | 'lexical'
  | 'judge'
  | 'stored'
  | 'missingSegment'
  | 'noJudge'
  | 'judgeDropped';

/** Verdicts decided before quire saw the answer, e.g. by SGT's judge: (type, segment) → answer. */
export type StoredVerdicts = ReadonlyMap<string, 'yes' | 'no'>;

/** The key of a check in `StoredVerdicts`: SGT keeps one verdict per type and segment. */
export function verdictKey({ type, segment }: Pick<ConstraintCheck, 'type' | 'segment'>): string {
  return `${type}:${segment}`;
}

/** A check with its outcome. `undecided` counts as not satisfied. */
export interface CheckDecision extends ConstraintCheck {
  /** The segment exists in the document. */
  present: boolean;
  decision: 'yes' | 'no' | 'undecided';
  decidedBy: DecidedBy;
}

/** A segment ready for checks: its text and its lexical index. */
export interface CheckedSegment {
  text: string;
  index: IndexedText;
}

/**
 * Decides every check: no when its segment is missing; otherwise a stored verdict when one is
 * given for it, else the lexical test, and the judge only where that test is inconclusive and
 * a judge is given. Without a judge, or when the judge's answers cannot be parsed even after
 * retries, the check stays `undecided`.
 */
export async function decideChecks({
  checks,
  segments,
  unit,
  judge,
  verdicts,
}: {
  checks: readonly ConstraintCheck[];
  segments: ReadonlyMap<number, CheckedSegment>;
  /** How segments are named to the judge, e.g. `Week`. */
  unit: string;
  judge?: Judge;
  verdicts?: StoredVerdicts;
}): Promise<{ decisions: CheckDecision[]; judgeCalls: number; dropped: number }> {
  const limit = pLimit(judge?.concurrency ?? 4);
  let judgeCalls = 0;
  let dropped = 0;
  const decisions = await Promise.all(
    checks.map(async (check): Promise<CheckDecision> => {
      const segment = segments.get(check.segment);
      if (segment === undefined)
        return { ...check, present: false, decision: 'no', decidedBy: 'missingSegment' };
      const stored = verdicts?.get(verdictKey(check));
      if (stored !== undefined)
        return { ...check, present: true, decision: stored, decidedBy: 'stored' };
      const lexical = matchEvent({ event: check.event, match: check.match, text: segment.index });
      if (lexical !== 'inconclusive')
        return { ...check, present: true, decision: lexical, decidedBy: 'lexical' };
      if (judge === undefined)
        return { ...check, present: true, decision: 'undecided', decidedBy: 'noJudge' };
      const judgement = await limit(() => {
        judgeCalls++;
        return judgeConstraint({
          judge,
          unit,
          segment: check.segment,
          event: check.event,
          text: segment.text,
        });
      });
      if (judgement.decision === 'dropped') {
        dropped++;
        return { ...check, present: true, decision: 'undecided', decidedBy: 'judgeDropped' };
      }
      return { ...check, present: true, decision: judgement.decision, decidedBy: 'judge' };
    }),
  );
  return { decisions, judgeCalls, dropped };
}
