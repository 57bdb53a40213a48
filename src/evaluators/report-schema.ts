import { z } from 'zod';
import { ConstraintResultSchema } from './constraints/constraint-result-schema.js';
import { DegradationResultSchema } from './degradation/degradation-result-schema.js';
import { FindingSchema } from './finding.js';
import { LengthResultSchema } from './length-result-schema.js';
import { QualityResultSchema } from './quality/quality-result-schema.js';
import { RepetitionResultSchema } from './repetition/repetition-result-schema.js';
import { RubricResultSchema } from './rubric/rubric-result-schema.js';
import { SlopResultSchema } from './slop/slop-result-schema.js';

const score = z.number().min(0).max(100);

/**
 * `report.json`: everything the evaluators found about one document, as written by
 * `quire eval` and at the end of every run. Scores are 0–100 (LongBench-Write's scale);
 * constraint ratios are 0–1 (SGT's). Every key is always present; `null` means "not measured".
 */
export const ReportSchema = z
  .object({
    version: z.literal(1).describe('Format version of this report.'),
    quire: z.string().describe('The quire version that wrote it.'),
    target: z
      .object({
        kind: z
          .enum(['document', 'run', 'text'])
          .describe('A file, a run directory, or text given in code.'),
        path: z.string().nullable(),
      })
      .strict(),
    words: z.int().min(0).describe("Words in the document, counted LongBench-Write's way."),
    scores: z
      .object({
        length: score.nullable().describe('S_l; null without a required length.'),
        quality: score
          .nullable()
          .describe('S_q; null without a judge or when its judgement was dropped.'),
        overall: score.nullable().describe('(S_l + S_q) / 2, when both exist.'),
      })
      .strict(),
    length: LengthResultSchema,
    quality: QualityResultSchema.nullable().describe('Null when no judge was given.'),
    repetition: RepetitionResultSchema,
    constraints: ConstraintResultSchema.nullable().describe('Null without a constraints file.'),
    degradation: DegradationResultSchema.nullable().describe(
      'How the parts hold up from first to last; null for a document of fewer than two parts.',
    ),
    slop: SlopResultSchema.describe('Over-used LLM phrasing: reported, never a finding.'),
    rubric: RubricResultSchema.nullable()
      .default(null)
      .describe('Scores against a rubric (--rubric); null without one.'),
    judge: z
      .object({
        model: z
          .string()
          .nullable()
          .describe('The judge model named, or null when there was none.'),
        calls: z
          .int()
          .min(0)
          .describe('Judgements asked for (quality, constraint checks, rubric criteria).'),
        dropped: z.int().min(0).describe('Judgements that stayed unusable after retries.'),
      })
      .strict(),
    findings: z
      .array(FindingSchema)
      .describe('Errors first, then warnings and notes, in text order.'),
  })
  .strict();

/** A report, as `evaluateDocument` returns it and `report.json` stores it. */
export type Report = z.infer<typeof ReportSchema>;
