import pLimit from 'p-limit';
import type { Judge } from '../judge.js';
import { type IndexedText, matchEvent } from './event-matcher.js';
import type { ConstraintCheck } from './expand-constraints.js';
import { judgeConstraint } from './judge-constraint.js';

/** How a check was decided. */
export type DecidedBy = 'lexical' | 'judge' | 'missingSegment' | 'noJudge' | 'judgeDropped';

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
 * Decides every check: no when its segment is missing; otherwise the lexical test, and the
 * judge only where that test is inconclusive and a judge is given. Without a judge, or when
 * the judge's answers cannot be parsed even after retries, the check stays `undecided`.
 */
export async function decideChecks({
  checks,
  segments,
  unit,
  judge,
}: {
  checks: readonly ConstraintCheck[];
  segments: ReadonlyMap<number, CheckedSegment>;
  /** How segments are named to the judge, e.g. `Week`. */
  unit: string;
  judge?: Judge;
}): Promise<{ decisions: CheckDecision[]; judgeCalls: number; dropped: number }> {
  const limit = pLimit(judge?.concurrency ?? 4);
  let judgeCalls = 0;
  let dropped = 0;
  const decisions = await Promise.all(
    checks.map(async (check): Promise<CheckDecision> => {
      const segment = segments.get(check.segment);
      if (segment === undefined)
        return { ...check, present: false, decision: 'no', decidedBy: 'missingSegment' };
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
