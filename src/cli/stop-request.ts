import { type StopSignal, signalExitCodes } from './format-error.js';

/**
 * Why the CLI's abort signal fired: the signal the process received. Commands stop their work,
 * save it and throw `InterruptedError`; the CLI entry turns this into the exit code.
 */
export class StopRequest extends Error {
  readonly signal: StopSignal;

  constructor(signal: StopSignal) {
    super(signal === 'SIGINT' ? 'interrupted by the user' : `stopped by ${signal}`);
    this.name = 'StopRequest';
    this.signal = signal;
  }

  /** 128 + the signal's number: 130, 143 or 129. */
  get exitCode(): number {
    return signalExitCodes[this.signal];
  }
}
