import type { RunEvent } from '../control/run-events.js';
import type { BatchFailure } from '../errors/batch-incomplete-error.js';
import type { SftRejection } from './screen-sft-answer.js';
import type { SftInstruction } from './sft-instruction.js';
import type { SftMetadata } from './sft-metadata.js';

/** What `runSft` reports as it goes. */
export type SftEvent =
  | { type: 'batch-start'; total: number; skipped: number }
  | { type: 'item-start'; instruction: SftInstruction }
  | {
      type: 'item-end';
      instruction: SftInstruction;
      outcome: 'written' | 'rejected';
      metadata: SftMetadata;
      reasons: SftRejection[];
    }
  | { type: 'item-failed'; instruction: SftInstruction; failure: BatchFailure }
  /** An event of an instruction's run: usage after each section, retries. */
  | { type: 'run-event'; instruction: SftInstruction; event: RunEvent };
