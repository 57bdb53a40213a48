import type { ResolvedModel } from '../model/resolve-model.js';
import { type ModelInput, resolveModelInput } from '../model/resolve-model-input.js';
import type { ModelMode } from './bench-mode.js';

/**
 * Where a benchmark's answers come from: a model, called directly or inside the quire pipeline,
 * or a predictions file, named by `spec` (the file's name, as the benchmarks' own tables name
 * a run).
 */
export type BenchSource =
  | { mode: ModelMode; model: ResolvedModel }
  | { mode: 'predictions'; model: { spec: string } };

/** A `BenchSource` as a library caller gives it: the model as a spec, a model object or resolved. */
export type BenchSourceInput =
  | { mode: ModelMode; model: ModelInput }
  | { mode: 'predictions'; model: { spec: string } };

/** Resolves the model of a source given as `BenchSourceInput`; a predictions file stays as it is. */
export function resolveBenchSource(source: BenchSourceInput): BenchSource {
  return source.mode === 'predictions'
    ? source
    : { mode: source.mode, model: resolveModelInput({ model: source.model }) };
}
