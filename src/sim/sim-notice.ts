/**
 * The line every CLI run on the simulated model prints once, to stderr, so nobody mistakes its
 * output for a real model's writing.
 */
export function simNotice(): string {
  return 'quire: using the simulated model (sim): its text is placeholder prose for dry runs and tests, not real writing.';
}
