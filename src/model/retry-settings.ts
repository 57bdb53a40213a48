/** How the one retry layer behaves. Every model call in quire goes through it. */
export interface RetrySettings {
  /** Total attempts per call, the first included. */
  maxAttempts: number;
  /** Delay before the first retry; doubles each time (with jitter). */
  initialDelayMs: number;
  /** Upper bound of the exponential backoff. */
  maxDelayMs: number;
  /** A server's Retry-After longer than this is not waited for; the call fails instead. */
  maxRetryAfterMs: number;
}

/** Time limits per attempt. A limit that fires counts as a retryable failure. */
export interface TimeoutSettings {
  /** Longest wait for the next piece of a reply (first token included). */
  idleTimeoutMs: number;
  /** Longest time one attempt may take in all. */
  requestTimeoutMs: number;
}

export const defaultRetrySettings: RetrySettings = {
  maxAttempts: 6,
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

export const defaultTimeoutSettings: TimeoutSettings = {
  idleTimeoutMs: 120_000,
  requestTimeoutMs: 900_000,
};
