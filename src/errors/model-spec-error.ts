import { QuireError } from './quire-error.js';

/** A `--model` value quire cannot turn into a model. */
export class ModelSpecError extends QuireError {
  readonly code = 'model-spec';
  readonly category = 'input';
  readonly spec: string;

  constructor({ spec, message }: { spec: string; message: string }) {
    super(message);
    this.spec = spec;
  }
}
