import { QuireError } from './quire-error.js';

/** An `openai:` model was chosen but no API key was found anywhere. */
export class MissingApiKeyError extends QuireError {
  readonly code = 'missing-api-key';
  readonly category = 'input';
  readonly modelSpec: string;

  constructor({ modelSpec }: { modelSpec: string }) {
    super(
      `No API key for model "${modelSpec}": set OPENAI_API_KEY (or "apiKey" in quire.config.json), ` +
        'pass --base-url for a local OpenAI-compatible server, or use --model sim for an offline try.',
    );
    this.modelSpec = modelSpec;
  }
}
