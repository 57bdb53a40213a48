import { QuireError } from './quire-error.js';

/**
 * A write run ended with a document outside the length gate, or stopped early because the
 * model writes too little per reply. Everything written is saved, with status
 * `incomplete-length` in run.json; `quire resume` continues it with another model, a larger
 * budget or another target (`--words`).
 */
export class LengthIncompleteError extends QuireError {
  readonly code = 'length-incomplete';
  readonly category = 'failure';
  readonly runDirectory: string;
  /** Why, as recorded in run.json's `stopReason`. */
  readonly reason: string;

  constructor({ reason, runDirectory }: { reason: string; runDirectory: string }) {
    super(
      `Incomplete: ${reason}. The run is saved; continue it with: quire resume ${runDirectory} (add --model <spec> for a model that writes more per reply, --max-tokens for a larger budget, or --words <n> for another target).`,
    );
    this.runDirectory = runDirectory;
    this.reason = reason;
  }
}
