import { z } from 'zod';
import { BenchUsageSchema } from '../bench-usage-schema.js';
import { HelloEvalResultSchema } from './hello-eval-result-schema.js';

const score = z.number().min(0).max(100);

/**
 * One line of `results.jsonl`: a HelloBench task at one length, the answer, how its length
 * compares with the instruction's, and HelloEval's judgement. `id`, `instruction` and
 * `response` keep HelloBench's names; `taskId` is HelloBench's id of the task.
 */
export const HellobenchResultSchema = z
  .object({
    id: z.string(),
    taskId: z.string(),
    subset: z.enum(['main', 'length-constrained']),
    group: z.string().describe('The length (2k, 4k, 8k, 16k) or the task type (chat, …).'),
    category: z.string(),
    line: z.int().min(1).describe('Line of the task in its data file.'),
    instruction: z.string(),
    mode: z.enum(['direct', 'quire']),
    model: z.string(),
    response: z.string(),
    response_length: z.int().min(0).describe('Words of the response, counted as S_l counts.'),
    required: z.int().positive().nullable().describe('The length the instruction states.'),
    S_l: score.nullable().describe('Length score against `required`; null without one.'),
    lengthGate: z
      .enum(['within', 'short', 'long'])
      .nullable()
      .describe('Where the length falls against the length gate; null without `required`.'),
    helloEval: HelloEvalResultSchema.nullable().describe('Null without a judge.'),
    usage: BenchUsageSchema,
    finishReason: z.enum(['stop', 'length', 'tool-calls']).nullable(),
    elapsedSeconds: z.number().min(0),
    runDirectory: z.string().nullable().describe('The run directory, in quire mode.'),
    finishedAt: z.string(),
  })
  .strict();

/** A HelloBench result line. */
export type HellobenchResult = z.infer<typeof HellobenchResultSchema>;
