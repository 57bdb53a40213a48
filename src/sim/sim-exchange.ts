import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimEngine } from './sim-engine.js';

/** One HTTP request to the simulated server, as every route handler receives it. */
export interface SimExchange {
  engine: SimEngine;
  request: IncomingMessage;
  response: ServerResponse;
  /** When the request arrived, on the engine's clock: time to first token counts from here. */
  arrivedAt: number;
  /** Fires when the client goes away or the server stops. */
  abortSignal: AbortSignal;
}
