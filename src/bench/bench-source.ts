import type { ResolvedModel } from '../model/resolve-model.js';
import type { ModelMode } from './bench-mode.js';

/**
 * Where a benchmark's answers come from: a model, called directly or inside the quire pipeline,
 * or a predictions file, named by `spec` (the file's name, as the benchmarks' own tables name
 * a run).
 */
export type BenchSource =
  | { mode: ModelMode; model: ResolvedModel }
  | { mode: 'predictions'; model: { spec: string } };
