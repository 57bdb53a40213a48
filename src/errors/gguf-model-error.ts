import { QuireError } from './quire-error.js';

/** Why a `gguf:` model could not be used. */
export type GgufModelProblem = 'missingDependency' | 'missingFile' | 'notGguf' | 'loadFailed';

/**
 * A `gguf:` model that cannot run: the optional `node-llama-cpp` package is not installed, the
 * file is missing or is not a GGUF model, or llama.cpp could not load it.
 */
export class GgufModelError extends QuireError {
  readonly code = 'gguf-model';
  readonly category = 'input';
  readonly problem: GgufModelProblem;
  /** The model file as given. */
  readonly path: string;

  constructor({
    problem,
    path,
    message,
    cause,
  }: {
    problem: GgufModelProblem;
    path: string;
    message: string;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.problem = problem;
    this.path = path;
  }
}
