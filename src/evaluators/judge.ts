import type { CallSettings } from '../model/call-settings.js';

/**
 * The model that judges quality and settles constraint checks the lexical test cannot, with
 * the call settings it runs under. `name` is written into the report.
 */
export interface Judge extends CallSettings {
  /** How the judge is named in the report, e.g. `openai:gpt-4o-mini`. */
  name: string;
  /** Judge calls in flight at once, for constraint checks; 4 unless given. */
  concurrency?: number;
}
