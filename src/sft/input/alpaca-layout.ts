import { optionalText, readTextField } from './read-text-field.js';
import type { SftInputLayout } from './sft-input-layout.js';

/**
 * Alpaca: `instruction`, an optional `input`, an optional `output`. The instruction is
 * `instruction` and `input` joined by a line break, as LLaMA-Factory builds the user turn, so a
 * model trained on the result sees the prompt it would see there; `output` is the existing answer.
 */
export const alpacaLayout: SftInputLayout = {
  format: 'alpaca',
  field: 'instruction',
  otherFields: ['input', 'output'],
  example: (field) => `{"${field}": "…", "input"?: "…", "output"?: "…"}`,
  matches: (row, field) => typeof row[field] === 'string' && ('input' in row || 'output' in row),
  read: (row, field) => {
    const instruction = readTextField(row, field);
    if ('problem' in instruction) return instruction;
    const input = optionalText(row, 'input');
    const prompt = input === undefined ? instruction.text : `${instruction.text}\n${input.trim()}`;
    const reference = optionalText(row, 'output');
    return reference === undefined ? { prompt } : { prompt, reference };
  },
};
