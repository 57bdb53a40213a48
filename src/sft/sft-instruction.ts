import { z } from 'zod';
import { limits } from '../config/limits.js';
import { visibleText } from '../util/visible-text.js';

/** One line of the instructions file: a prompt and, optionally, the length to write. */
export const SftInstructionSchema = z.looseObject({
  prompt: z
    .string()
    .trim()
    .refine((prompt) => visibleText(prompt) !== '', 'must not be empty (nothing visible in it)'),
  length: z
    .int()
    .positive()
    .max(limits.words)
    .optional()
    .describe(
      'Target length in words (Chinese characters for Chinese); else read from the prompt.',
    ),
});

/** An instruction ready to run, with its stable id and where it came from. */
export interface SftInstruction {
  /** Hash of prompt and length: the same instruction always has the same id. */
  id: string;
  /** 1-based line in the instructions file. */
  line: number;
  prompt: string;
  length?: number;
}
