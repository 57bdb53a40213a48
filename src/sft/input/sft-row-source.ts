import type { InputFileProblem } from '../../errors/input-file-error.js';
import type { SftInputRow } from './sft-input-layout.js';

/** One row of an input file as it streams by: its fields, or why it is not a row at all. */
export type SftRowEvent =
  | { line: number; row: SftInputRow }
  | {
      line: number;
      problem: string;
      kind: Extract<InputFileProblem, 'invalidJson' | 'invalidContent'>;
    };

/** An input file opened for reading rows, in any of the file types `quire sft` reads. */
export interface SftRowSource {
  /** What a row's number counts, for messages: lines (JSONL, CSV) or rows (Parquet). */
  unit: 'line' | 'row';
  /** The columns every row has (CSV, Parquet); undefined when rows vary (JSONL). */
  columns?: readonly string[];
  /**
   * Streams the rows from the start; each call reads the file again. `fields` are the only
   * ones a row needs: a columnar file reads just those.
   */
  rows(fields: readonly string[]): AsyncIterable<SftRowEvent>;
}
