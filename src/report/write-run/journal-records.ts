import { z } from 'zod';

const UsageSchema = z.looseObject({
  inputTokens: z.number(),
  outputTokens: z.number(),
  cachedInputTokens: z.number().default(0),
  /** Journals written before thinking was counted lack it. */
  reasoningTokens: z.number().default(0),
});

const FindingSchema = z.looseObject({
  evaluator: z.string().default('check'),
  ruleId: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  location: z
    .looseObject({ section: z.string().optional(), line: z.number().optional() })
    .optional(),
});

const AttemptStartSchema = z.looseObject({
  type: z.literal('step-start'),
  time: z.string(),
  sectionId: z.string(),
  index: z.number(),
  attempt: z.number(),
  action: z.string(),
  contextTokens: z.number().default(0),
});

const CheckEndSchema = z.looseObject({
  type: z.literal('check-end'),
  time: z.string(),
  sectionId: z.string(),
  attempt: z.number(),
  words: z.number(),
  passed: z.boolean(),
  /** Tokens of this draft's calls; journals written before it was recorded lack it. */
  usage: UsageSchema.optional(),
});

const StepEndSchema = z.looseObject({
  type: z.literal('step-end'),
  time: z.string(),
  sectionId: z.string(),
  index: z.number(),
  words: z.number(),
  attempts: z.number(),
  findings: z.array(FindingSchema).default([]),
  usage: UsageSchema,
  recovered: z.boolean().optional(),
});

const RetrySchema = z.looseObject({
  type: z.literal('call-retry'),
  time: z.string(),
  attempt: z.number(),
  delayMs: z.number().default(0),
  error: z.string().default(''),
});

const RunStartSchema = z.looseObject({ type: z.literal('run-start'), time: z.string() });

/** The journal events a report draws, each with the fields it uses. */
export interface JournalRecords {
  runStarts: Array<z.infer<typeof RunStartSchema>>;
  attemptStarts: Array<z.infer<typeof AttemptStartSchema>>;
  checkEnds: Array<z.infer<typeof CheckEndSchema>>;
  stepEnds: Array<z.infer<typeof StepEndSchema>>;
  retries: Array<z.infer<typeof RetrySchema>>;
}

/** A finding as a step-end event records it. */
export type JournalFinding = z.infer<typeof FindingSchema>;

const schemas = {
  'run-start': ['runStarts', RunStartSchema],
  'step-start': ['attemptStarts', AttemptStartSchema],
  'check-end': ['checkEnds', CheckEndSchema],
  'step-end': ['stepEnds', StepEndSchema],
  'call-retry': ['retries', RetrySchema],
} as const;

/**
 * Sorts a run's journal into the events the report draws. Fields it does not use are kept
 * (loose), fields added later are optional, and a line that does not match its event's shape
 * is left out rather than failing the page: the journal is read back as untrusted. Pure.
 */
export function readJournalRecords(events: ReadonlyArray<Record<string, unknown>>): JournalRecords {
  const records: JournalRecords = {
    runStarts: [],
    attemptStarts: [],
    checkEnds: [],
    stepEnds: [],
    retries: [],
  };
  for (const event of events) {
    const entry = schemas[event.type as keyof typeof schemas];
    if (entry === undefined) continue;
    const [key, schema] = entry;
    const parsed = schema.safeParse(event);
    if (parsed.success) (records[key] as unknown[]).push(parsed.data);
  }
  return records;
}
