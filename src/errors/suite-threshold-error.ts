import { QuireError } from './quire-error.js';

/** A benchmark finished, but its scores miss thresholds of the evaluation suite it ran. */
export class SuiteThresholdError extends QuireError {
  readonly code = 'suite-threshold';
  readonly category = 'failure';
  readonly suite: string;
  /** The thresholds missed, e.g. `S_l 72.4 < 80`. */
  readonly missed: readonly string[];

  constructor({ suite, missed }: { suite: string; missed: readonly string[] }) {
    super(
      `Suite ${suite} missed ${missed.length} threshold(s): ${missed.join('; ')}. The results are saved; see the summary above.`,
    );
    this.suite = suite;
    this.missed = missed;
  }
}
