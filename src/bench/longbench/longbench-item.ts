import { z } from 'zod';
import { stableItemId } from '../../batch/stable-item-id.js';
import { limits } from '../../config/limits.js';
import { type LengthBucket, lengthBucket } from '../../evaluators/length-bucket.js';
import { detectLanguage } from '../../task/detect-language.js';
import { visibleText } from '../../util/visible-text.js';

/** One row of LongBench-Write's JSONL: the instruction, its genre, its required length. */
export const LongbenchRowSchema = z.looseObject({
  prompt: z
    .string()
    .trim()
    .refine((prompt) => visibleText(prompt) !== '', 'must not be empty (nothing visible in it)'),
  type: z.string().trim().min(1).describe('The genre, e.g. Literature and Creative Writing.'),
  length: z
    .int()
    .positive()
    .max(limits.words)
    .describe('Required length: English words, or Chinese characters for Chinese output.'),
});

export type LongbenchRow = z.infer<typeof LongbenchRowSchema>;

/**
 * A row of a LongBench-Write predictions file, as LongWriter's `pred.py` writes it: the data
 * row and the model's `response` (blank when the model said nothing).
 */
export const LongbenchPredictionSchema = LongbenchRowSchema.extend({
  response: z.string().describe("The model's answer."),
});

/** A LongBench-Write row ready to run: with its stable id, language and length bucket. */
export interface LongbenchItem {
  /** Hash of prompt and length: stable across files and reorderings. */
  id: string;
  /** 1-based line in the data file. */
  line: number;
  prompt: string;
  type: string;
  length: number;
  /** Language of the answer, guessed from the prompt. */
  lang: 'en' | 'zh';
  bucket: LengthBucket;
  /** Which of the item's answers this is, from 1, when each item is answered several times. */
  sample: number;
  /** The answer, when the item comes from a predictions file (no model is called). */
  response?: string;
}

/** Turns a data row into an item. Pure. */
export function toLongbenchItem({ row, line }: { row: LongbenchRow; line: number }): LongbenchItem {
  return {
    id: stableItemId({ prompt: row.prompt, length: row.length }),
    line,
    prompt: row.prompt,
    type: row.type,
    length: row.length,
    lang: detectLanguage(row.prompt),
    bucket: lengthBucket(row.length),
    sample: 1,
  };
}
