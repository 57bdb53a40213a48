import { faultError, type OpenAiErrorReply } from './openai-error-body.js';
import type { SimExchange } from './sim-exchange.js';
import type { SimReply } from './sim-reply.js';
import type { SimRequest } from './sim-request.js';
import { waitForAbort } from './wait-for-abort.js';

/**
 * What every chat endpoint does once its body is parsed: applies the engine's decision (a
 * 429/500 or a refusal at once, a hang holding its slot without a byte sent), waits for a slot,
 * then lets the endpoint send the reply in its own wire format. Errors go out through `refuse`,
 * in the endpoint's error shape.
 */
export async function serveSimReply({
  exchange: { engine, response, arrivedAt, abortSignal },
  simRequest,
  refuse,
  send,
}: {
  exchange: SimExchange;
  simRequest: SimRequest;
  refuse: (reply: OpenAiErrorReply) => void;
  /** Streams or sends `reply`; service started at `startedAt`. */
  send: (reply: SimReply, startedAt: number) => Promise<void>;
}): Promise<void> {
  const outcome = engine.decide(simRequest);
  if (outcome.kind === 'rejected' || outcome.kind === 'refused') {
    refuse(outcome.kind === 'refused' ? outcome.error : faultError(outcome));
    return;
  }
  let service: { release: () => void; startedAt: number };
  try {
    service = await engine.startService({ arrivedAt, abortSignal });
  } catch {
    return;
  }
  const { release, startedAt } = service;
  try {
    if (outcome.kind === 'hang') {
      await waitForAbort(abortSignal);
      response.destroy();
      return;
    }
    await send(outcome.reply, startedAt);
  } catch {
    // The client left or the server is stopping: nothing more can be sent.
    response.destroy();
  } finally {
    release();
  }
}
