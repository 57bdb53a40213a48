import { QuireError } from './quire-error.js';

/** A command that is listed in the help but not built yet. */
export class NotAvailableError extends QuireError {
  readonly code = 'not-available';
  readonly category = 'input';
  readonly command: string;

  constructor({ command }: { command: string }) {
    super(`quire ${command} is not available yet in this version of quire.`);
    this.command = command;
  }
}
