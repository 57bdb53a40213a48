import { z } from 'zod';
import { parseTargetLength } from '../../task/parse-target-length.js';
import type { HellobenchSubset } from './hellobench-subset.js';

/**
 * One row of HelloBench's JSONL: the task's id, its category, the instruction and the questions
 * of its checklist. Other fields (`formatted_checklists`, `raw_text`, …) are ignored.
 */
export const HellobenchRowSchema = z.looseObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][\w.-]*$/, 'must be letters, digits, "_", "." or "-"')
    .describe('The task id, e.g. heuristic_text_generation_000; names its run directory.'),
  category: z.string().trim().min(1).describe('The category, e.g. story_writing.'),
  instruction: z.string().trim().min(1),
  checklists: z
    .array(z.string().trim().min(1))
    .min(1)
    .describe('The checklist questions HelloEval rates, in order.'),
});

export type HellobenchRow = z.infer<typeof HellobenchRowSchema>;

/** A HelloBench task ready to run in one set and group. */
export interface HellobenchItem {
  /** The task id, with `-<length>` in the length-constrained set (one task, four lengths). */
  id: string;
  /** HelloBench's own id of the task. */
  taskId: string;
  subset: HellobenchSubset;
  /** The length (`2k` …) in the length-constrained set; the task type (`chat` …) in main. */
  group: string;
  category: string;
  instruction: string;
  checklists: string[];
  /** The length the instruction states, in words; null when it states none. */
  required: number | null;
  /** The data file (as shown to the user) and 1-based line the task came from. */
  file: string;
  line: number;
}

/** Turns a data row into an item; the target is the length its instruction states. Pure. */
export function toHellobenchItem({
  row,
  subset,
  group,
  file,
  line,
  wordsPerPage,
}: {
  row: HellobenchRow;
  subset: HellobenchSubset;
  group: string;
  file: string;
  line: number;
  wordsPerPage: number;
}): HellobenchItem {
  const stated = parseTargetLength({ prompt: row.instruction, wordsPerPage });
  return {
    id: subset === 'length-constrained' ? `${row.id}-${group}` : row.id,
    taskId: row.id,
    subset,
    group,
    category: row.category,
    instruction: row.instruction,
    checklists: row.checklists,
    required: stated?.words ?? null,
    file,
    line,
  };
}
