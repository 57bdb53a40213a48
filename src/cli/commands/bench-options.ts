import type { ModelMode } from '../../bench/bench-mode.js';
import type { CommonOptions } from '../command-config.js';

/** The flags every `quire bench …` command takes, as commander parses them. */
export interface BenchOptions extends CommonOptions {
  mode?: ModelMode;
  data?: string;
  limit?: number;
  concurrency?: number;
  out?: string;
  suite?: string;
  /** `--queue`: answers from quire workers. */
  queue?: string;
}
