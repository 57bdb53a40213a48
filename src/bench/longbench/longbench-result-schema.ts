import { z } from 'zod';
import { QualityResultSchema } from '../../evaluators/quality/quality-result-schema.js';
import { BenchUsageSchema } from '../bench-usage-schema.js';

const score = z.number().min(0).max(100);

/**
 * One line of `results.jsonl`: an item, the answer, and its scores. `prompt`, `type`, `length`,
 * `response` and `response_length` keep the names LongBench-Write's own result files use, so
 * its scripts can read them.
 */
export const LongbenchResultSchema = z
  .object({
    id: z.string(),
    line: z.int().min(1).describe('Line of the item in the data file.'),
    prompt: z.string(),
    type: z.string(),
    length: z.int().positive().describe('Required length.'),
    lang: z.enum(['en', 'zh']),
    bucket: z.string().describe('Length bucket of the required length, e.g. [4000,20000].'),
    mode: z.enum(['direct', 'quire']),
    model: z.string(),
    response: z.string(),
    response_length: z.int().min(0).describe('Words of the response, counted as S_l counts.'),
    S_l: score,
    S_q: score.nullable().describe('Null without a judge, or when its judgement was dropped.'),
    S: score.nullable().describe('(S_l + S_q) / 2, when both exist.'),
    quality: QualityResultSchema.nullable().describe("The judge's ratings; null without one."),
    usage: BenchUsageSchema,
    finishReason: z.enum(['stop', 'length', 'tool-calls']).nullable(),
    elapsedSeconds: z.number().min(0),
    runDirectory: z.string().nullable().describe('The run directory, in quire mode.'),
    finishedAt: z.string(),
  })
  .strict();

export type LongbenchResult = z.infer<typeof LongbenchResultSchema>;
