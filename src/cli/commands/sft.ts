import { NotAvailableError } from '../../errors/not-available-error.js';

/** Not built yet: listed in the help, refuses to run. */
export async function run(): Promise<void> {
  throw new NotAvailableError({ command: 'sft' });
}
