import type { SftFormat } from './sft-format.js';
import type { SftMetadata } from './sft-metadata.js';

/** One training record, in the chosen format, with its metadata under `metadata`. */
export type SftRecord =
  | {
      messages: [{ role: 'user'; content: string }, { role: 'assistant'; content: string }];
      metadata: SftMetadata;
    }
  | { instruction: string; input: string; output: string; metadata: SftMetadata }
  | {
      conversations: [{ from: 'human'; value: string }, { from: 'gpt'; value: string }];
      metadata: SftMetadata;
    };

/** Lays out an instruction and its answer as one record of `format`. Pure. */
export function formatSftRecord({
  format,
  prompt,
  response,
  metadata,
}: {
  format: SftFormat;
  prompt: string;
  response: string;
  metadata: SftMetadata;
}): SftRecord {
  switch (format) {
    case 'messages':
      return {
        messages: [
          { role: 'user', content: prompt },
          { role: 'assistant', content: response },
        ],
        metadata,
      };
    case 'alpaca':
      return { instruction: prompt, input: '', output: response, metadata };
    case 'sharegpt':
      return {
        conversations: [
          { from: 'human', value: prompt },
          { from: 'gpt', value: response },
        ],
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
