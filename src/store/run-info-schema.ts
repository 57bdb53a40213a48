import { z } from 'zod';
import { ContextWindowStateSchema } from '../model/context/context-window.js';
import { ReplyCapacitySchema } from '../model/reply-capacity.js';
import { TaskSchema } from '../task/task-schema.js';
import { StageUsageSchema } from './stage-usage.js';

/** The run directory format this version of quire writes and reads. */
export const runFormatVersion = 1;

export const UsageTotalsSchema = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  cachedInputTokens: z.number(),
  /** Of the output tokens, those spent thinking; absent from runs of older versions. */
  reasoningTokens: z.number().default(0),
  calls: z.number(),
  failedAttempts: z.number(),
  latencyMs: z.number(),
  /** Present when some counts are quire's own because the server reported no usage. */
  estimated: z.object({ calls: z.number(), tokenizer: z.string() }).optional(),
});

/**
 * Status of a run as recorded in run.json. `incomplete-length`: the run ended with a document
 * outside the length gate (or stopped early because the model writes too little per reply);
 * `stopReason` says why, and `quire resume` continues it.
 */
export const RunStatusSchema = z.enum([
  'running',
  'completed',
  'incomplete-length',
  'stopped',
  'interrupted',
  'failed',
]);

/** run.json: what a run is, how it was configured, where it stands and what it cost. */
export const RunInfoSchema = z.object({
  version: z.number().int(),
  quireVersion: z.string(),
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: RunStatusSchema,
  /** Why the run stopped early, when it did. */
  stopReason: z.string().optional(),
  task: TaskSchema,
  model: z.object({ spec: z.string(), modelId: z.string(), simulated: z.boolean() }),
  /** The resolved configuration the run uses (secrets removed), so resume behaves the same. */
  config: z.record(z.string(), z.unknown()),
  usage: UsageTotalsSchema,
  /** The model's context window, prompt and reply together, and where its size came from. */
  contextWindow: ContextWindowStateSchema.optional(),
  /** Estimated cost in US dollars, when the model's price is known. */
  costUsd: z.number().optional(),
  /** Seconds spent running, summed over sessions. */
  elapsedSeconds: z.number().default(0),
  /** What was learned of the model's words per reply; kept on resume. */
  capacity: ReplyCapacitySchema.optional(),
  /** Tokens and calls per stage (planning, drafting, review, rewrite), over every session. */
  stages: StageUsageSchema.optional(),
});

export type RunInfo = z.infer<typeof RunInfoSchema>;
export type RunStatus = z.infer<typeof RunStatusSchema>;
