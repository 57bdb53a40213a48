import { appendFileSync } from 'node:fs';
import { type Clock, systemClock } from '../util/clock.js';
import { applyContextWindow } from './apply-context-window.js';
import { AttemptCounter } from './attempt-counter.js';
import { chooseFault } from './choose-fault.js';
import { composeReply } from './compose-reply.js';
import type { FaultKind } from './fault-kind.js';
import { faultRates } from './fault-rates.js';
import { hashParts } from './hash-parts.js';
import { PrefixCache } from './prefix-cache.js';
import { createSeededRandom } from './seeded-random.js';
import type { SimOptions } from './sim-options.js';
import type { SimOutcome, SimReply } from './sim-reply.js';
import type { SimRequest } from './sim-request.js';
import { SlotQueue } from './slot-queue.js';

/**
 * The simulated model's state and policy, shared by the in-process model and the HTTP server:
 * decides each request's outcome (fault draw, prompt cache, reply), hands out concurrency slots
 * and paces the stream. One engine = one "deployment": its cache and attempt counts are shared
 * by every call made to it.
 */
export class SimEngine {
  readonly options: SimOptions;
  readonly clock: Clock;
  readonly #rates: Record<FaultKind, number>;
  readonly #cache = new PrefixCache();
  readonly #attempts = new AttemptCounter();
  readonly #slots: SlotQueue;
  /** With `hold`: every request before this time is refused, as the last 429 said. */
  #heldUntil = 0;

  constructor({ options, clock = systemClock }: { options: SimOptions; clock?: Clock }) {
    this.options = options;
    this.clock = clock;
    this.#rates = faultRates(options);
    this.#slots = new SlotQueue({ slots: options.slots });
  }

  /**
   * Decides what happens to `request`: first the context window (a refusal, or the request as
   * the window lets it through), then the fault draw. Counts it as one more attempt of its prompt.
   */
  decide(given: SimRequest): SimOutcome {
    const fit = applyContextWindow({ request: given, options: this.options });
    if (fit.kind === 'refused') return { kind: 'refused', error: fit.error };
    const { request, prompt, reportedPromptTokens } = fit;
    const held = this.#heldUntil - this.clock.now();
    if (held > 0) return { kind: 'rejected', fault: 'rate-limit', retryAfterMs: held };
    const attempt = this.#attempts.next(hashParts([prompt]).toString('base64'));
    const fault = chooseFault({
      rates: this.#rates,
      random: createSeededRandom([this.options.seed, 'fault', prompt, attempt]),
      asksForJson:
        request.responseFormat.type === 'json' &&
        (request.tools.length === 0 || request.toolChoice.type === 'none'),
    });
    if (fault === 'rate-limit' && this.options.hold === 'on') {
      this.#heldUntil = this.clock.now() + this.options.retryAfter;
    }
    if (fault === 'rate-limit' || fault === 'server-error') {
      return { kind: 'rejected', fault, retryAfterMs: this.options.retryAfter };
    }
    if (fault === 'hang') return { kind: 'hang' };
    const cachedInputTokens = this.#cache.lookupAndStore(prompt);
    const reply = composeReply({
      request,
      prompt,
      options: this.options,
      attempt,
      fault,
      cachedInputTokens,
      promptTokens: reportedPromptTokens,
    });
    const planted = [...(reply.planted ? [reply.planted] : []), ...(reply.plantedInPlan ?? [])];
    if (planted.length > 0 && this.options.defectLog) {
      // The ground truth, kept beside the replies: synchronous, so no planted defect goes
      // unrecorded whatever happens to the reply after.
      appendFileSync(
        this.options.defectLog,
        planted.map((defect) => `${JSON.stringify(defect)}\n`).join(''),
      );
    }
    return { kind: 'reply', reply };
  }

  /**
   * Waits for a concurrency slot (FIFO) and says when service started: on arrival when a slot
   * was free, so the time spent composing the reply counts toward ttft as a real model's
   * prompt processing does; when the slot came free, if the request had to queue. Rejects if
   * `abortSignal` fires first.
   */
  async startService({
    arrivedAt,
    abortSignal,
  }: {
    arrivedAt: number;
    abortSignal?: AbortSignal;
  }): Promise<{ release: () => void; startedAt: number }> {
    const slot = await this.#slots.acquire(abortSignal);
    return { release: slot.release, startedAt: slot.queued ? this.clock.now() : arrivedAt };
  }

  /**
   * Yields the indices of the deltas of `reply` (the first `count` of them) on the latency
   * schedule: the first `ttft` after `startedAt`, each later one when the tokens sent since the
   * first, at `tps` tokens per second, fall due. No waiting at all when both knobs are 0.
   */
  async *pace({
    reply,
    startedAt,
    count = reply.deltas.length,
    abortSignal,
  }: {
    reply: SimReply;
    startedAt: number;
    count?: number;
    abortSignal?: AbortSignal;
  }): AsyncGenerator<number> {
    for (let index = 0; index < count; index++) {
      await this.#waitUntil(startedAt + this.#offset(reply, index), abortSignal);
      yield index;
    }
  }

  /** Waits as long as a non-streamed reply takes: until its last token is due. */
  async waitForWholeReply({
    reply,
    startedAt,
    abortSignal,
  }: {
    reply: SimReply;
    startedAt: number;
    abortSignal?: AbortSignal;
  }): Promise<void> {
    await this.#waitUntil(startedAt + this.#offset(reply, reply.deltas.length - 1), abortSignal);
  }

  /** Milliseconds from the start of service to when delta `index` is due. */
  #offset(reply: SimReply, index: number): number {
    const { ttft, tps } = this.options;
    if (tps <= 0 || index <= 0) return ttft;
    const first = reply.tokensAfter[0] ?? 0;
    return ttft + (((reply.tokensAfter[index] ?? first) - first) / tps) * 1000;
  }

  async #waitUntil(due: number, abortSignal?: AbortSignal): Promise<void> {
    const wait = due - this.clock.now();
    // Sub-millisecond waits are not worth a timer; they add up in the next real one.
    if (wait >= 1) await this.clock.sleep(wait, abortSignal);
    else if (abortSignal?.aborted) throw abortSignal.reason;
  }
}
