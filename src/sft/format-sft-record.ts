import type { SftFormat, SftOutputFormat } from './sft-format.js';
import type { SftMetadata } from './sft-metadata.js';

/** A section's think note as exported: the section's heading and the note it was written from. */
export interface SftThinkNote {
  section: string;
  note: string;
}

/**
 * One training record, in the chosen format, with the answer the input already had under
 * `reference` (empty when it had none: always a string, so every record has the same columns
 * when a dataset library reads the file) and its metadata under `metadata`. The model's
 * thinking, when exported, is `reasoning_content` of the assistant message (as Qwen3's chat
 * template reads it) or a `reasoning` field beside the answer. The sections' think notes, when
 * exported, are a `think_notes` field beside `reference`, the same in every format.
 */
export type SftRecord =
  | {
      messages: [
        { role: 'user'; content: string },
        { role: 'assistant'; content: string; reasoning_content?: string },
      ];
      think_notes?: SftThinkNote[];
      reference: string;
      metadata: SftMetadata;
    }
  | {
      instruction: string;
      input: string;
      output: string;
      reasoning?: string;
      think_notes?: SftThinkNote[];
      reference: string;
      metadata: SftMetadata;
    }
  | {
      conversations: [{ from: 'human'; value: string }, { from: 'gpt'; value: string }];
      reasoning?: string;
      think_notes?: SftThinkNote[];
      reference: string;
      metadata: SftMetadata;
    };

/** Lays out an instruction and its answer as one record of `format`. Pure. */
export function formatSftRecord({
  format,
  prompt,
  response,
  reasoning,
  reference = '',
  thinkNotes,
  metadata,
}: {
  format: SftFormat;
  prompt: string;
  response: string;
  /** The model's thinking behind the answer; left out when undefined. */
  reasoning?: string;
  /** The answer the input already had, for comparison. */
  reference?: string;
  /** Each section's think note, in plan order; left out when undefined. */
  thinkNotes?: SftThinkNote[];
  metadata: SftMetadata;
}): SftRecord {
  const thought = reasoning === undefined ? {} : { reasoning };
  const notes = thinkNotes === undefined ? {} : { think_notes: thinkNotes };
  switch (format) {
    case 'messages':
      return {
        messages: [
          { role: 'user', content: prompt },
          {
            role: 'assistant',
            content: response,
            ...(reasoning === undefined ? {} : { reasoning_content: reasoning }),
          },
        ],
        ...notes,
        reference,
        metadata,
      };
    case 'alpaca':
      return {
        instruction: prompt,
        input: '',
        output: response,
        ...thought,
        ...notes,
        reference,
        metadata,
      };
    case 'sharegpt':
      return {
        conversations: [
          { from: 'human', value: prompt },
          { from: 'gpt', value: response },
        ],
        ...thought,
        ...notes,
        reference,
        metadata,
      };
  }
}

/** The format of a record read back, from the key it is laid out by; undefined if none. Pure. */
export function sftRecordFormat(record: Record<string, unknown>): SftOutputFormat | undefined {
  if (Array.isArray(record.messages)) return 'messages';
  if (typeof record.chosen === 'string' && typeof record.rejected === 'string') return 'dpo';
  if (typeof record.instruction === 'string' && typeof record.output === 'string') return 'alpaca';
  if (Array.isArray(record.conversations)) return 'sharegpt';
  return undefined;
}
