import { QuireError } from './quire-error.js';

/**
 * A code run that ended without meeting every requirement: steps failed or were never run, or
 * the final tests fail. The run directory holds the workspace and a report naming what is unmet.
 */
export class CodeRunIncompleteError extends QuireError {
  readonly code = 'code-run-incomplete';
  readonly category = 'failure';
  readonly runDir: string;
  readonly unmetRequirements: number;
  readonly totalRequirements: number;

  constructor({
    message,
    runDir,
    unmetRequirements,
    totalRequirements,
  }: {
    message: string;
    runDir: string;
    unmetRequirements: number;
    totalRequirements: number;
  }) {
    super(message);
    this.runDir = runDir;
    this.unmetRequirements = unmetRequirements;
    this.totalRequirements = totalRequirements;
  }
}
