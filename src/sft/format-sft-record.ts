import type { SftFormat } from './sft-format.js';
import type { SftMetadata } from './sft-metadata.js';

/**
 * One training record, in the chosen format, with the answer the input already had under
 * `reference` (empty when it had none: always a string, so every record has the same columns
 * when a dataset library reads the file) and its metadata under `metadata`.
 */
export type SftRecord =
  | {
      messages: [{ role: 'user'; content: string }, { role: 'assistant'; content: string }];
      reference: string;
      metadata: SftMetadata;
    }
  | { instruction: string; input: string; output: string; reference: string; metadata: SftMetadata }
  | {
      conversations: [{ from: 'human'; value: string }, { from: 'gpt'; value: string }];
      reference: string;
      metadata: SftMetadata;
    };

/** Lays out an instruction and its answer as one record of `format`. Pure. */
export function formatSftRecord({
  format,
  prompt,
  response,
  reference = '',
  metadata,
}: {
  format: SftFormat;
  prompt: string;
  response: string;
  /** The answer the input already had, for comparison. */
  reference?: string;
  metadata: SftMetadata;
}): SftRecord {
  switch (format) {
    case 'messages':
      return {
        messages: [
          { role: 'user', content: prompt },
          { role: 'assistant', content: response },
        ],
        reference,
        metadata,
      };
    case 'alpaca':
      return { instruction: prompt, input: '', output: response, reference, metadata };
    case 'sharegpt':
      return {
        conversations: [
          { from: 'human', value: prompt },
          { from: 'gpt', value: response },
        ],
        reference,
        metadata,
      };
  }
}

/** The format of a record read back, from the key it is laid out by; undefined if none. Pure. */
export function sftRecordFormat(record: Record<string, unknown>): SftFormat | undefined {
  if (Array.isArray(record.messages)) return 'messages';
  if (typeof record.instruction === 'string' && typeof record.output === 'string') return 'alpaca';
  if (Array.isArray(record.conversations)) return 'sharegpt';
  return undefined;
}
