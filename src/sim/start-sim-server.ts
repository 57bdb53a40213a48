import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimOptionError } from '../errors/sim-option-error.js';
import { SimServerError, type SimServerProblem } from '../errors/sim-server-error.js';
import type { Clock } from '../util/clock.js';
import { authorizationOf, isMessagesRequest } from './authorization-of.js';
import { checkApiKey } from './check-api-key.js';
import { sendAnthropicError } from './handle-messages-request.js';
import { sendError } from './http-replies.js';
import { openAiError } from './openai-error-body.js';
import { resolveSimOptions } from './parse-sim-options.js';
import { routeSimRequest } from './route-sim-request.js';
import { SimEngine } from './sim-engine.js';
import type { SimOptions, SimOptionsInput } from './sim-options.js';

/** A running simulated-model server. */
export interface SimServer {
  /** The OpenAI base URL, e.g. `http://127.0.0.1:8787/v1`. */
  url: string;
  host: string;
  /** The port it listens on (the real one when 0 was asked for). */
  port: number;
  engine: SimEngine;
  /** Stops accepting, ends every request in flight (hangs included) and closes connections. */
  close(): Promise<void>;
}

const problems: Record<string, SimServerProblem> = {
  EADDRINUSE: 'addressInUse',
  EADDRNOTAVAIL: 'addressUnavailable',
  EACCES: 'permissionDenied',
};

/**
 * Starts the simulated model as an OpenAI-compatible HTTP server (`POST /v1/chat/completions`,
 * `GET /v1/models`) on `host` (loopback by default) and `port` (0 picks a free one). With
 * `apiKey`, every request must carry it as a bearer token or is answered 401, as OpenAI answers
 * a wrong key. Throws `SimServerError` when it cannot listen and `SimOptionError` for bad options.
 */
export async function startSimServer({
  options = {},
  host = '127.0.0.1',
  port = 8787,
  apiKey,
  clock,
}: {
  options?: SimOptions | SimOptionsInput;
  host?: string;
  port?: number;
  /** The bearer token requests must carry; undefined accepts any (or none). */
  apiKey?: string;
  clock?: Clock;
} = {}): Promise<SimServer> {
  if (apiKey !== undefined && apiKey.trim() === '') {
    throw new SimOptionError({
      option: 'api-key',
      received: apiKey,
      message: 'sim option --api-key is empty: give the key clients must send, or leave it out.',
    });
  }
  const engine = new SimEngine({ options: resolveSimOptions(options), clock });
  const inFlight = new Set<AbortController>();
  const server = createServer((request, response) => {
    // Stamped before anything else runs, so time to first token counts from arrival even when
    // other requests keep the event loop busy.
    const arrivedAt = engine.clock.now();
    const refusal = checkApiKey({ apiKey, authorization: authorizationOf(request) });
    if (refusal !== undefined) {
      // Refused before its body is read, as the other early replies are: discard the body.
      request.resume();
      (isMessagesRequest(request) ? sendAnthropicError : sendError)(response, refusal);
      return;
    }
    const controller = new AbortController();
    inFlight.add(controller);
    // 'close' fires when the reply is done or the client dropped the connection.
    response.on('close', () => controller.abort(new Error('the connection closed')));
    routeSimRequest({ engine, request, response, arrivedAt, abortSignal: controller.signal })
      .catch((error: unknown) => {
        if (response.headersSent) response.destroy();
        else
          sendError(
            response,
            openAiError({
              status: 500,
              message: `The simulated server failed: ${error instanceof Error ? error.message : String(error)}`,
            }),
          );
      })
      .finally(() => inFlight.delete(controller));
  });
  await listen({ server, host, port });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}/v1`,
    host: address.address,
    port: address.port,
    engine,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const controller of inFlight) controller.abort(new Error('the server is stopping'));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function listen({
  server,
  host,
  port,
}: {
  server: Server;
  host: string;
  port: number;
}): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const problem = problems[error.code ?? ''] ?? 'other';
      const hint =
        problem === 'addressInUse'
          ? 'another program uses it: pick another with --port, or --port 0 for a free one'
          : problem === 'permissionDenied'
            ? 'ports below 1024 need privileges: pick one above 1024'
            : 'check --host and --port';
      reject(
        new SimServerError({
          message: `quire sim cannot listen on ${host}:${port} (${error.code ?? error.message}): ${hint}.`,
          problem,
          host,
          port,
          cause: error,
        }),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
