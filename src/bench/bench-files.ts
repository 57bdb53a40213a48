/** Names of the files in a benchmark's `--out` folder. */
export const benchFiles = {
  /** What the folder holds: benchmark, mode, model; checked when a run resumes into it. */
  manifest: 'bench.json',
  /** One JSON line per finished item, appended as each finishes. */
  results: 'results.jsonl',
  summaryMarkdown: 'summary.md',
  summaryJson: 'summary.json',
  /** `quire` mode: one run directory per item, named by its id. */
  runs: 'runs',
  /** `direct` mode (SGT): each answer as a Markdown file, named by the item's id. */
  responses: 'responses',
} as const;
