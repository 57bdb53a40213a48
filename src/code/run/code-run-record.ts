import { z } from 'zod';
import { migrateStoredConfig } from '../../config/retired-keys.js';
import { UsageTotalsSchema } from '../../store/run-info-schema.js';
import { CodeSettingsSchema } from '../code-settings.js';

/**
 * Where a code run stands. `incomplete`: it ran to its end, but some requirement is unmet
 * (a step failed or was skipped, or the final checks fail); resuming retries what is unfinished.
 */
export const CodeRunStatusSchema = z.enum([
  'running',
  'completed',
  'incomplete',
  'interrupted',
  'failed',
]);

/**
 * `run.json` of a code run. Its field names follow the write pipeline's `run.json` (version,
 * id, times, status, `task.kind`, model, usage), so a reader can tell the two apart by
 * `task.kind` before parsing either in full.
 */
export const CodeRunRecordSchema = z.object({
  version: z.literal(1).describe('Format of this file.'),
  quireVersion: z.string(),
  id: z.string().describe('The run directory name.'),
  createdAt: z.string().describe('ISO time the run was created.'),
  updatedAt: z.string(),
  status: CodeRunStatusSchema,
  task: z.object({
    kind: z.literal('code'),
    prompt: z.string().min(1).describe('The specification, in full.'),
    specFile: z.string().optional().describe('The file the spec was read from, as given.'),
  }),
  model: z.object({ spec: z.string(), modelId: z.string(), simulated: z.boolean() }),
  config: z
    .preprocess(
      // Records written before a key was renamed are read with its new name.
      (value) =>
        typeof value === 'object' && value !== null
          ? migrateStoredConfig({ code: value }).code
          : value,
      CodeSettingsSchema,
    )
    .describe('The code-mode settings the run uses.'),
  stepsRun: z.int().min(0).describe('Steps executed over every session of the run.'),
  usage: UsageTotalsSchema,
  error: z.string().optional().describe('The error that stopped the last session, when one did.'),
});

/** The parsed `run.json` of a code run. */
export type CodeRunRecord = z.infer<typeof CodeRunRecordSchema>;
