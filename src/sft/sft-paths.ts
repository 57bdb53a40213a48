/** The file type of `quire sft`'s output, from its extension. */
export type SftOutputType = 'jsonl' | 'parquet';

/** Where `quire sft` keeps its output and what goes beside it. */
export interface SftPaths {
  /** The output the user named. */
  out: string;
  type: SftOutputType;
  /**
   * The records as they are made, one JSON line each, flushed as written: what a re-run resumes
   * from. The output itself for JSONL; `data.parquet` → `data.journal.jsonl`.
   */
  records: string;
  /** Rejected answers, one JSON line each with the reasons: `data.jsonl` → `data.rejected.jsonl`. */
  rejected: string;
  /** Run directories of the instructions in flight: `data.jsonl` → `data.runs/`. */
  runs: string;
  /** What `--split` writes: `data.train.jsonl` and `data.validation.jsonl` (or `.parquet`). */
  train: string;
  validation: string;
}

/** The side files of an output path. Pure. */
export function sftPaths(out: string): SftPaths {
  const type: SftOutputType = out.endsWith('.parquet') ? 'parquet' : 'jsonl';
  const base = out.replace(/\.(jsonl|parquet)$/, '');
  const extension = type === 'parquet' ? '.parquet' : '.jsonl';
  return {
    out,
    type,
    records: type === 'parquet' ? `${base}.journal.jsonl` : out,
    rejected: `${base}.rejected.jsonl`,
    runs: `${base}.runs`,
    train: `${base}.train${extension}`,
    validation: `${base}.validation${extension}`,
  };
}
