/** Token usage of one model call (all attempts of it), as providers report it. */
export interface CallUsage {
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from the provider's prompt cache. */
  cachedInputTokens: number;
  /**
   * Of the output tokens, those spent thinking before the answer: as the provider reports them,
   * else estimated from the thinking text. Providers bill them as output, so they are already
   * part of `outputTokens` and of the cost.
   */
  reasoningTokens: number;
  /** Present when quire counted some of these tokens itself because the server reported none. */
  estimated?: UsageEstimate;
}

/** Which counts are quire's own: how many replies came without usage, and how they were counted. */
export interface UsageEstimate {
  /** Replies whose tokens quire counted itself. */
  calls: number;
  /** The vocabulary it counted in: `o200k_base`, `cl100k_base` or `quire-estimate`. */
  tokenizer: string;
}

/** Running totals over many calls. */
export interface UsageTotals extends CallUsage {
  /** Calls that returned a usable answer. */
  calls: number;
  /** Attempts that failed and were retried or given up. */
  failedAttempts: number;
  /** Sum of the wall time of every call, retries and waits included. */
  latencyMs: number;
}

export const emptyUsage: CallUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  reasoningTokens: 0,
};

/** Totals before any call. */
export const emptyTotals: UsageTotals = {
  ...emptyUsage,
  calls: 0,
  failedAttempts: 0,
  latencyMs: 0,
};

/** Adds two usage records. */
export function addUsage(left: CallUsage, right: CallUsage): CallUsage {
  const estimated = addEstimates(left.estimated, right.estimated);
  return {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    cachedInputTokens: left.cachedInputTokens + right.cachedInputTokens,
    reasoningTokens: left.reasoningTokens + right.reasoningTokens,
    ...(estimated ? { estimated } : {}),
  };
}

function addEstimates(
  left: UsageEstimate | undefined,
  right: UsageEstimate | undefined,
): UsageEstimate | undefined {
  if (!left || !right) return left ?? right;
  return { calls: left.calls + right.calls, tokenizer: right.tokenizer };
}

/**
 * Collects the usage of every call made through the call wrapper. One meter per run; it can be
 * seeded with the totals of an earlier session of the same run when resuming.
 */
export class UsageMeter {
  #totals: UsageTotals;
  #onFirstEstimate: ((estimate: UsageEstimate) => void) | undefined;

  /**
   * `onFirstEstimate` is called once, on the first record this meter receives whose tokens
   * quire had to count itself: the place to warn that the server reports no usage.
   */
  constructor(
    initial: Partial<UsageTotals> = {},
    { onFirstEstimate }: { onFirstEstimate?: (estimate: UsageEstimate) => void } = {},
  ) {
    this.#totals = { ...emptyTotals, ...initial };
    this.#onFirstEstimate = onFirstEstimate;
  }

  /** Records one finished call. Failed attempts are counted here too, with their tokens. */
  record({
    usage,
    failedAttempts = 0,
    latencyMs = 0,
    succeeded = true,
  }: {
    usage: CallUsage;
    failedAttempts?: number;
    latencyMs?: number;
    succeeded?: boolean;
  }): void {
    const total = addUsage(this.#totals, usage);
    this.#totals = {
      ...total,
      calls: this.#totals.calls + (succeeded ? 1 : 0),
      failedAttempts: this.#totals.failedAttempts + failedAttempts,
      latencyMs: this.#totals.latencyMs + latencyMs,
    };
    const notify = this.#onFirstEstimate;
    if (usage.estimated && notify) {
      this.#onFirstEstimate = undefined;
      notify(usage.estimated);
    }
  }

  /** A snapshot of the totals so far. */
  totals(): UsageTotals {
    return { ...this.#totals };
  }
}
