/** An instruction ready to run, with its stable id and where it came from. */
export interface SftInstruction {
  /** Hash of the instruction (whitespace normalised) and its length field: see `sftInstructionId`. */
  id: string;
  /** 1-based line (JSONL, CSV) or row (Parquet) of the input file. */
  line: number;
  prompt: string;
  /** Target length from the input's length field, in words (Chinese: characters). */
  length?: number;
  /** The answer the input already had, kept beside the new one for comparison. */
  reference?: string;
}
