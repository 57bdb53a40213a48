/**
 * The largest values quire accepts for every number a user gives (flags, config keys, task and
 * data files, sim knobs), so a typo such as `--words 1000000000` is one clear error instead of
 * minutes of work and gigabytes of memory. Each is far above any real use; the README lists them.
 */
export const limits = {
  /** Target length of one document, in words: about 400 pages (`--words`, task files, data). */
  words: 200_000,
  /** A token budget (`--max-tokens`, `maxTokens`, `code.maxTokens`, `code.maxStepTokens`). */
  tokens: 1_000_000_000,
  /** A cost budget in US dollars (`--max-cost`, `maxCost`). */
  costUsd: 100_000,
  /** A price in US dollars per million tokens (`prices`). */
  priceUsd: 10_000,
  /** A context window in tokens (`model.contextTokens`, `--context-tokens`, `code.conversationTokens`). */
  contextTokens: 10_000_000,
  /** Words of one planned section (`write.maxSectionWords`, `write.minSectionWords`). */
  sectionWords: 20_000,
  /** Items or tasks in flight (`--concurrency`), and sim server slots. */
  concurrency: 256,
  /** Items one batch selects (`--limit`). */
  items: 1_000_000,
  /** Answers per benchmark item (`--samples`). */
  samples: 1_000,
  /** Tasks `quire bench sgt --generate` writes. */
  generatedTasks: 10_000,
  /** Steps, turns and repeats of code mode flags (the config schema sets tighter ones). */
  codeSteps: 1_000,
  /** A seed (`--seed`, the sim's `seed`). */
  seed: 4_294_967_295,
  /** A duration in milliseconds (retry delays, timeouts, sim latencies): one day. */
  durationMs: 86_400_000,
  /** Segments of a constraints file, and the segment numbers in it. */
  segments: 10_000,
  /** Sections of a plan. */
  sections: 10_000,
  /** Criteria of one rubric (`--rubric`): each is a judge call. */
  rubricCriteria: 50,
  /** Memory in MB (`code.memoryLimitMb`). */
  memoryMb: 65_536,
  /** Disk in MB (`code.diskQuotaMb`). */
  diskMb: 65_536,
  /** Characters of one file in code mode (`code.readLimitChars`, `code.maxFileChars`). */
  fileChars: 100_000_000,
  /** Tokens per second the sim streams (`tps`). */
  tokensPerSecond: 1_000_000,
} as const;

/** The largest files quire reads, in bytes, checked before reading. */
export const fileLimits = {
  /** A config file. */
  config: 1024 * 1024,
  /** A task, plan, constraints, suite, specification or checklist file. */
  taskFile: 16 * 1024 * 1024,
  /** A document to evaluate, and a run's document.md. */
  document: 64 * 1024 * 1024,
  /** A data file: SFT instructions, LongBench-Write or SGT data. */
  dataFile: 256 * 1024 * 1024,
  /** A JSON file or section of a run directory. */
  runFile: 64 * 1024 * 1024,
} as const;
