import type { SftInputFormat } from './sft-input-format.js';

/** A row of an input file: a JSONL object, a CSV record by column, a Parquet row. */
export type SftInputRow = Record<string, unknown>;

/** What a row holds for `quire sft`: the instruction, and the answer it already has, if any. */
export interface SftInputRecord {
  prompt: string;
  /** An existing answer, kept beside the new one for comparison. */
  reference?: string;
}

/** How to read the rows of one input format. */
export interface SftInputLayout {
  format: SftInputFormat;
  /** The field that holds the instruction, unless `--prompt-field` names another. */
  field: string;
  /** Other fields the layout reads, beside the instruction's. */
  otherFields: readonly string[];
  /** One row of this layout, for messages. */
  example(field: string): string;
  /** Whether a row has this layout's shape: what detection asks. */
  matches(row: SftInputRow, field: string): boolean;
  /** The instruction and the existing answer of a row, or why the row cannot be used. */
  read(row: SftInputRow, field: string): SftInputRecord | { problem: string };
}
