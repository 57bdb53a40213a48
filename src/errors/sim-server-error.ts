import { QuireError } from './quire-error.js';

/** Why the simulated model's HTTP server could not start. */
export type SimServerProblem = 'addressInUse' | 'addressUnavailable' | 'permissionDenied' | 'other';

/** `quire sim serve` could not listen on the requested host and port. */
export class SimServerError extends QuireError {
  readonly code = 'sim-server';
  readonly category = 'input';
  readonly problem: SimServerProblem;
  readonly host: string;
  readonly port: number;

  constructor({
    message,
    problem,
    host,
    port,
    cause,
  }: {
    message: string;
    problem: SimServerProblem;
    host: string;
    port: number;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.problem = problem;
    this.host = host;
    this.port = port;
  }
}
