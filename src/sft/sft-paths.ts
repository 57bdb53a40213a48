/** Where `quire sft` keeps what goes beside its output file. */
export interface SftPaths {
  out: string;
  /** Rejected answers, one JSON line each with the reasons: `data.jsonl` → `data.rejected.jsonl`. */
  rejected: string;
  /** Run directories of the instructions in flight: `data.jsonl` → `data.runs/`. */
  runs: string;
}

/** The side files of an output path. Pure. */
export function sftPaths(out: string): SftPaths {
  const base = out.endsWith('.jsonl') ? out.slice(0, -'.jsonl'.length) : out;
  return { out, rejected: `${base}.rejected.jsonl`, runs: `${base}.runs` };
}
