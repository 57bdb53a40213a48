import { optionalText, readTextField } from './read-text-field.js';
import type { SftInputLayout } from './sft-input-layout.js';

/** Fields a plain prompt record may keep its answer in: TRL's prompt-completion, or `response`. */
const answerFields = ['completion', 'response'];

/** A plain `{"prompt": …}`, optionally with an answer in `completion` or `response`. */
export const promptLayout: SftInputLayout = {
  format: 'prompt',
  field: 'prompt',
  otherFields: answerFields,
  example: (field) => `{"${field}": "…", "length"?: N}`,
  matches: (row, field) => typeof row[field] === 'string',
  read: (row, field) => {
    const prompt = readTextField(row, field);
    if ('problem' in prompt) return prompt;
    const reference = answerFields
      .map((answer) => optionalText(row, answer))
      .find((text) => text !== undefined);
    return reference === undefined ? { prompt: prompt.text } : { prompt: prompt.text, reference };
  },
};
