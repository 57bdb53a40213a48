import { QuireError } from './quire-error.js';

/** A hosted model was chosen but its provider's API key was found nowhere. */
export class MissingApiKeyError extends QuireError {
  readonly code = 'missing-api-key';
  readonly category = 'input';
  readonly modelSpec: string;
  /** The environment variable that should hold the key, e.g. `ANTHROPIC_API_KEY`. */
  readonly variable: string;

  constructor({ modelSpec, variable }: { modelSpec: string; variable: string }) {
    // Only OpenAI's key can also come from the config file, and only it has a compatible-server way out.
    const openai = variable === 'OPENAI_API_KEY';
    super(
      `No API key for model "${modelSpec}": set ${variable}` +
        (openai
          ? ' (or "apiKey" in quire.config.json), pass --base-url for a local OpenAI-compatible server,'
          : ',') +
        ' or use --model sim for an offline try.',
    );
    this.modelSpec = modelSpec;
    this.variable = variable;
  }
}
