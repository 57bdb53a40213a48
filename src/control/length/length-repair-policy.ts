/** A length repair already made on a section: what it asked for and what it changed. */
export interface LengthAttempt {
  action: 'expand' | 'condense';
  /** Words of the section before and after it. */
  before: number;
  after: number;
  /** Words the call asked for: to add (expand) or in all (condense). */
  asked: number;
}

/** Why the length repairs of a section stopped before it reached its budget. */
export type LengthStopReason = 'no-progress' | 'call-cap';

/** What to do next about a section's length. */
export type LengthRepairDecision =
  | { kind: 'repair'; action: 'expand' | 'condense'; words: number }
  | { kind: 'stop'; reason: LengthStopReason; message: string };

/** Limits of the length repairs of one section. */
export interface LengthRepairLimits {
  /** Most model calls one section may use, its draft included. */
  maxCallsPerSection: number;
  /** The least one expansion asks for; also the capacity below which a run stops. */
  minWordsPerReply: number;
  /** The share of what an attempt could achieve below which it counts as no progress. */
  minProgress: number;
}

/**
 * Decides the next length repair of a section on progress, not on a count: keep expanding (or
 * condensing) while each attempt achieves at least `minProgress` of what it could (the words it
 * was asked to add, or the excess it was asked to remove), stop at once when one achieves less,
 * and never go past `maxCallsPerSection`. An expansion asks for what is missing, but no more
 * than the model writes in one reply (`wordsPerReply`, when known) and no less than
 * `minWordsPerReply`. A condensing asks for the budget. Pure.
 */
export function decideLengthRepair({
  action,
  words,
  budget,
  wordsPerReply,
  last,
  callsUsed,
  limits,
}: {
  action: 'expand' | 'condense';
  /** Words of the section now. */
  words: number;
  budget: number;
  wordsPerReply: number | undefined;
  /** The previous length repair of this section, if any. */
  last: LengthAttempt | undefined;
  /** Model calls the section has used so far. */
  callsUsed: number;
  limits: LengthRepairLimits;
}): LengthRepairDecision {
  if (last?.action === action) {
    const progress = attemptProgress({ attempt: last, budget });
    if (!(progress >= limits.minProgress)) {
      const verb = action === 'expand' ? 'added' : 'removed';
      const amount = Math.abs(last.after - last.before);
      return {
        kind: 'stop',
        reason: 'no-progress',
        message: `the last ${action} ${verb} ${amount} words (${Math.round(progress * 100)}% of what it could, under ${Math.round(limits.minProgress * 100)}%)`,
      };
    }
  }
  if (callsUsed >= limits.maxCallsPerSection) {
    return {
      kind: 'stop',
      reason: 'call-cap',
      message: `the section used its ${limits.maxCallsPerSection} calls (write.maxCallsPerSection)`,
    };
  }
  if (action === 'condense') return { kind: 'repair', action, words: budget };
  const missing = budget - words;
  return {
    kind: 'repair',
    action,
    words: Math.max(limits.minWordsPerReply, Math.min(missing, wordsPerReply ?? missing)),
  };
}

/** The share of what an attempt could achieve that it did achieve (0 when it went backwards). */
function attemptProgress({ attempt, budget }: { attempt: LengthAttempt; budget: number }): number {
  if (attempt.action === 'expand') {
    const possible = Math.min(attempt.asked, budget - attempt.before);
    return possible > 0 ? Math.max(0, attempt.after - attempt.before) / possible : 0;
  }
  const excess = attempt.before - budget;
  return excess > 0 ? Math.max(0, attempt.before - attempt.after) / excess : 0;
}
