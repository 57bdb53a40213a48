import { ModelOutputError } from '../errors/model-output-error.js';
import type { TimeoutSettings } from './retry-settings.js';

/** Time limits of one attempt: a total limit and an idle limit reset by every piece of reply. */
export interface Watchdog {
  /** Aborts when the caller's signal or a limit fires. */
  signal: AbortSignal;
  /** Call on every piece of the reply. */
  touch(): void;
  /** Throws a retryable timeout error if a limit fired. */
  check(): void;
  /** The error to throw instead of `error` when a limit fired (and the caller did not abort). */
  explain(error: unknown): unknown;
  stop(): void;
}

/**
 * Starts the timers of one attempt; `stop()` must be called when it ends.
 *
 * Why not the SDK's `timeout: { totalMs, chunkMs }`: its chunk timer starts with the first part
 * of a stream, so a server that never starts its reply is only caught by the total limit,
 * minutes later ("gives up on a server that never answers" in tests/model/watchdog.test.ts shows
 * the case); and its total limit is an `AbortSignal.timeout`, which fake timers cannot drive.
 */
export function startWatchdog({
  timeouts,
  abortSignal,
}: {
  timeouts: TimeoutSettings;
  abortSignal?: AbortSignal;
}): Watchdog {
  const controller = new AbortController();
  let fired: string | undefined;
  const fire = (why: string) => {
    fired = why;
    controller.abort(new Error(why));
  };
  const idleMessage = `no reply for ${timeouts.idleTimeoutMs} ms`;
  const total = setTimeout(
    () => fire(`no complete reply within ${timeouts.requestTimeoutMs} ms`),
    timeouts.requestTimeoutMs,
  );
  // A piece of reply only records when it came: re-arming a timer on every piece (hundreds a
  // second with several streams) cost more than reading them. When the timer fires, it waits
  // again for what is left of the limit since the last piece, if any is.
  let lastActivity = Date.now();
  const watchIdle = (delayMs: number): NodeJS.Timeout =>
    setTimeout(() => {
      const left = lastActivity + timeouts.idleTimeoutMs - Date.now();
      if (left > 0) idle = watchIdle(left);
      else fire(idleMessage);
    }, delayMs);
  let idle = watchIdle(timeouts.idleTimeoutMs);
  const timeoutError = (cause?: unknown) =>
    new ModelOutputError({ message: fired ?? 'timed out', problem: 'timeout', cause });
  return {
    signal: abortSignal ? AbortSignal.any([abortSignal, controller.signal]) : controller.signal,
    touch() {
      lastActivity = Date.now();
    },
    check() {
      if (fired && !abortSignal?.aborted) throw timeoutError();
    },
    explain(error) {
      return fired && !abortSignal?.aborted ? timeoutError(error) : error;
    },
    stop() {
      clearTimeout(total);
      clearTimeout(idle);
    },
  };
}
