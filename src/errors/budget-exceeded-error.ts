import { QuireError } from './quire-error.js';

/** A run stopped, resumably, because a token or cost budget was spent. */
export class BudgetExceededError extends QuireError {
  readonly code = 'budget-exceeded';
  readonly category = 'failure';
  readonly runDirectory: string;

  constructor({ reason, runDirectory }: { reason: string; runDirectory: string }) {
    super(
      `Stopped: ${reason}. The run is saved; continue it with: quire resume ${runDirectory} (with a higher --max-tokens or --max-cost).`,
    );
    this.runDirectory = runDirectory;
  }
}
