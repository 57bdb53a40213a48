import { QuireError } from './quire-error.js';

/** The user stopped the run (Ctrl-C). What was finished is saved; `resumeCommand` continues it. */
export class InterruptedError extends QuireError {
  readonly code = 'interrupted';
  readonly category = 'interrupted';
  readonly resumeCommand: string | undefined;

  constructor({ message, resumeCommand }: { message: string; resumeCommand?: string }) {
    super(message);
    this.resumeCommand = resumeCommand;
  }
}
