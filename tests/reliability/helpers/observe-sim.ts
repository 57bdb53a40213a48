import type { SimOutcome } from '../../../src/sim/sim-reply.js';
import type { SimServer } from '../../../src/sim/start-sim-server.js';

/** What the sim server decided for the requests it received, as the provider's side sees it. */
export interface SimObservation {
  /** Chat completion requests received. */
  requests: number;
  /** Injected faults by kind. */
  faults: Record<string, number>;
  /** Tokens of failed replies whose usage reached the client (empty, malformed JSON). */
  reportedFailedTokens: { input: number; output: number };
  /**
   * Tokens of replies cut mid-stream: the prompt and what was sent before the cut. A provider
   * bills them, but the usage chunk that would say so never arrives.
   */
  unreportedCutTokens: { input: number; output: number };
}

/**
 * Records every decision of `server`'s engine (the seam between HTTP and the simulated model)
 * without changing any: what was asked, which fault was injected, what each failed reply cost.
 */
export function observeSim(server: SimServer): SimObservation {
  const observation: SimObservation = {
    requests: 0,
    faults: {},
    reportedFailedTokens: { input: 0, output: 0 },
    unreportedCutTokens: { input: 0, output: 0 },
  };
  const decide = server.engine.decide.bind(server.engine);
  server.engine.decide = (request) => {
    const outcome = decide(request);
    record(observation, outcome);
    return outcome;
  };
  return observation;
}

function record(observation: SimObservation, outcome: SimOutcome): void {
  observation.requests++;
  const kind =
    outcome.kind === 'rejected'
      ? outcome.fault
      : outcome.kind === 'hang'
        ? 'hang'
        : outcome.kind === 'refused'
          ? undefined
          : outcome.reply.fault;
  if (kind === undefined) return;
  observation.faults[kind] = (observation.faults[kind] ?? 0) + 1;
  if (outcome.kind !== 'reply') return;
  const { reply } = outcome;
  if (reply.fault === 'cut') {
    observation.unreportedCutTokens.input += reply.usage.inputTokens;
    observation.unreportedCutTokens.output += reply.tokensAfter[(reply.cutAfter ?? 1) - 1] ?? 0;
  } else {
    observation.reportedFailedTokens.input += reply.usage.inputTokens;
    observation.reportedFailedTokens.output += reply.usage.outputTokens;
  }
}

/** Injected faults in all. */
export function totalFaults(observation: SimObservation): number {
  return Object.values(observation.faults).reduce((sum, count) => sum + count, 0);
}
