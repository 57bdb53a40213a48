import { z } from 'zod';
import { CodeSettingsSchema } from '../code/code-settings.js';
import { thinkNoteModes } from '../control/think/think-note-mode.js';
import { defaultLengthGate } from '../evaluators/length-gate.js';
import { defaultRetrySettings, defaultTimeoutSettings } from '../model/retry-settings.js';
import { baseUrlProblem } from './base-url-problem.js';
import { limits } from './limits.js';
import { qualityLevels } from './quality-levels.js';

const PriceSchema = z
  .object({
    input: z.number().min(0).max(limits.priceUsd).describe('US dollars per million input tokens.'),
    output: z
      .number()
      .min(0)
      .max(limits.priceUsd)
      .describe('US dollars per million output tokens.'),
    cachedInput: z
      .number()
      .min(0)
      .max(limits.priceUsd)
      .optional()
      .describe('US dollars per million cached input tokens; defaults to the input price.'),
  })
  .strict();

const LimitsSchema = z
  .object({
    wordsPerReply: z
      .int()
      .positive()
      .describe('Most words (characters in Chinese) the model writes in one reply.'),
  })
  .strict();

const RetrySchema = z
  .object({
    maxAttempts: z
      .int()
      .min(1)
      .max(20)
      .default(defaultRetrySettings.maxAttempts)
      .describe('Attempts per model call, the first included.'),
    initialDelayMs: z
      .int()
      .min(0)
      .max(limits.durationMs)
      .default(defaultRetrySettings.initialDelayMs)
      .describe('Backoff before the first retry, in ms; doubles per retry, with jitter.'),
    maxDelayMs: z
      .int()
      .min(0)
      .max(limits.durationMs)
      .default(defaultRetrySettings.maxDelayMs)
      .describe('Longest backoff between two attempts, in ms.'),
    maxRetryAfterMs: z
      .int()
      .min(0)
      .max(limits.durationMs)
      .default(defaultRetrySettings.maxRetryAfterMs)
      .describe(
        'Longest server-requested wait (Retry-After) quire honours, in ms; longer fails the call.',
      ),
  })
  .strict();

const TimeoutSchema = z
  .object({
    idleTimeoutMs: z
      .int()
      .min(1)
      .max(limits.durationMs)
      .default(defaultTimeoutSettings.idleTimeoutMs)
      .describe('Longest wait for the next piece of a reply, first token included, in ms.'),
    requestTimeoutMs: z
      .int()
      .min(1)
      .max(limits.durationMs)
      .default(defaultTimeoutSettings.requestTimeoutMs)
      .describe('Longest time one attempt of a call may take, in ms.'),
  })
  .strict();

const TelemetrySchema = z
  .object({
    enabled: z
      .boolean()
      .default(false)
      .describe(
        'Send an OpenTelemetry span for every model call to the tracer provider registered.',
      ),
    functionId: z
      .string()
      .min(1)
      .default('quire')
      .describe('The function id the spans are grouped under.'),
    recordInputs: z
      .boolean()
      .default(true)
      .describe('Record the prompts in the spans; turn off to keep them out of your traces.'),
    recordOutputs: z
      .boolean()
      .default(true)
      .describe('Record the replies in the spans; turn off to keep them out of your traces.'),
  })
  .strict();

const ReviewSchema = z
  .object({
    rounds: z
      .int()
      .min(0)
      .max(10)
      .optional()
      .describe(
        "Review rounds (review, then rewrite of the flagged sections); unset: the quality level's (standard 2, best 3, fast 0).",
      ),
  })
  .strict();

const SftSchema = z
  .object({
    thinkNotes: z
      .boolean()
      .default(false)
      .describe(
        "Add each section's think note, the one it was written from, to each quire sft record (a think_notes field); false leaves it out.",
      ),
  })
  .strict();

const PlanSettingsSchema = z
  .object({
    critiqueRounds: z
      .int()
      .min(0)
      .max(10)
      .optional()
      .describe(
        "Rounds of plan critique (the critic names the plan's defects, the planner revises it) before any prose; 0 skips it; unset: the quality level's (fast 0, standard 1, best 2).",
      ),
  })
  .strict();

const WriteSchema = z
  .object({
    quality: z
      .enum(qualityLevels)
      .default('standard')
      .describe(
        "How much work goes into the document: 'fast' drafts and checks each section once; 'standard' adds the plan critique (plan.critiqueRounds), a think note before each section (write.thinkNotes), the whole-document review and rewrites of the flagged sections (review.rounds); 'best' allows more critique and review rounds and drafts each section twice (write.candidates).",
      ),
    contextPolicy: z
      .enum(['bounded', 'full'])
      .default('bounded')
      .describe(
        "What each step sees: 'bounded' (task, outline, summary, previous tail) or 'full' (all previous text, the AgentWrite baseline).",
      ),
    lengthTolerance: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.15)
      .describe(
        'A section within this share of its word budget passes the length check (never above lengthGate.ceiling × its budget).',
      ),
    maxSectionWords: z
      .int()
      .min(100)
      .max(limits.sectionWords)
      .default(1_200)
      .describe('Planned sections larger than this are split.'),
    minSectionWords: z
      .int()
      .min(10)
      .max(limits.sectionWords)
      .default(150)
      .describe('Planned sections smaller than this are merged into a neighbour.'),
    repairAttempts: z
      .int()
      .min(0)
      .max(10)
      .default(2)
      .describe('Revisions of a section whose checks fail, before it is kept with its findings.'),
    planAttempts: z
      .int()
      .min(1)
      .max(10)
      .default(3)
      .describe('Planner calls before an unusable plan ends the run.'),
    planFormat: z
      .enum(['json', 'lines'])
      .default('json')
      .describe(
        "How the plan is asked for: 'json' (structured output with a JSON schema, where the server supports it) or 'lines' (one 'Section N - Title: … - Main Point: … - Word Count: …' line per section); a reply in any readable form is accepted either way.",
      ),
    continuationAttempts: z
      .int()
      .min(0)
      .max(20)
      .default(4)
      .describe('Continuations of a section whose reply was cut by the output limit.'),
    lengthPolicy: z
      .enum(['adaptive', 'fixed'])
      .default('adaptive')
      .describe(
        "How section length is reached: 'adaptive' (learn the words per reply, split sections to fit, expand or condense while it makes progress) or 'fixed' (the earlier repairAttempts-bound repairs, no splitting; kept for comparison).",
      ),
    parallel: z
      .int()
      .min(1)
      .max(64)
      .default(1)
      .describe(
        'Sections drafted at once (`--parallel`); also the most model calls in flight. 1 writes one section after another.',
      ),
    maxCallsPerSection: z
      .int()
      .min(1)
      .max(100)
      .default(12)
      .describe('Most model calls one section may use, draft and repairs included (adaptive).'),
    minWordsPerReply: z
      .int()
      .min(1)
      .default(50)
      .describe(
        'A model measured twice below this many words per reply stops the run early; also the least an expansion asks for.',
      ),
    minProgress: z
      .number()
      .gt(0)
      .max(1)
      .default(0.25)
      .describe(
        'An expansion or condensing achieving less than this share of what it was asked stops the repairs of its section (adaptive).',
      ),
    maxOverlap: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe(
        "Share of a section's 5-grams that may repeat earlier sections before it is rewritten.",
      ),
    candidates: z
      .int()
      .min(1)
      .max(16)
      .optional()
      .describe(
        "Drafts of each section, the best kept by the section checks (and the judge, when one is given); 1 drafts once; unset: the quality level's (fast 1, standard 1, best 2).",
      ),
    ledger: z
      .enum(['model', 'rule'])
      .optional()
      .describe(
        "Who keeps the fact ledger: 'model' (one structured call per section) or 'rule' (the writer's notes and names and figures read by rule, no extra call); unset: the quality level's (fast rule, standard and best model).",
      ),
    thinkNotes: z
      .enum(thinkNoteModes)
      .optional()
      .describe(
        "A think note before each section (purpose, link, facts, what not to repeat, words): 'marked' (a marked part of the section's own reply, split off), 'call' (a separate call whose note the section is written from) or 'off'; unset: the quality level's (fast off, standard and best marked).",
      ),
    tailWords: z
      .int()
      .min(0)
      .max(limits.sectionWords)
      .default(250)
      .describe('Words of the previous section shown to the writer for continuity.'),
    summaryWords: z
      .int()
      .min(50)
      .max(limits.sectionWords)
      .default(300)
      .describe(
        'Most words of the fact ledger shown to the writer of a section, most relevant first.',
      ),
    wordsPerPage: z
      .int()
      .min(50)
      .max(limits.sectionWords)
      .default(500)
      .describe("Words per page when a request states its length in pages ('50 pages')."),
    defaultWords: z
      .int()
      .min(100)
      .max(limits.words)
      .default(2_000)
      .describe('Target length when neither --words nor the request says one.'),
  })
  .strict();

const LengthGateSchema = z
  .object({
    floor: z
      .number()
      .gt(0)
      .max(1)
      .default(defaultLengthGate.floor)
      .describe('Shortest acceptable document, as a share of its target length.'),
    ceiling: z
      .number()
      .min(1)
      .max(10)
      .default(defaultLengthGate.ceiling)
      .describe('Longest acceptable document, as a share of its target length.'),
  })
  .strict();

const QueueSchema = z
  .object({
    lockDurationMs: z
      .int()
      .min(1_000)
      .max(3_600_000)
      .default(30_000)
      .describe(
        'How long a queue worker holds a job without renewing its lock; a worker silent this long is taken for lost.',
      ),
    stalledIntervalMs: z
      .int()
      .min(1_000)
      .max(3_600_000)
      .default(30_000)
      .describe(
        'How often queue workers look for jobs of lost workers and put them back in the queue.',
      ),
    maxStalledCount: z
      .int()
      .min(0)
      .max(100)
      .default(2)
      .describe(
        'How many times a job whose worker was lost is given to another worker before it fails.',
      ),
  })
  .strict();

const ReportSchema = z
  .object({
    html: z
      .boolean()
      .default(true)
      .describe(
        'Write report.html beside what quire write, quire bench and quire sft produce; false turns it off.',
      ),
  })
  .strict();

const RepetitionSchema = z
  .object({
    maxRep4: z
      .number()
      .gt(0)
      .max(1)
      .default(1)
      .describe(
        'Whole-text rep-4 above which a document is degenerate (an error in the report, a rejection in quire sft); 1 leaves it to the loop, stretch, symbol and collapse checks.',
      ),
  })
  .strict();

const ModelSchema = z
  .object({
    spec: z
      .string()
      .min(1)
      .default('sim')
      .describe(
        "Model spec: 'openai:<id>', 'anthropic:<id>', 'google:<id>', 'ollama:<id>', 'gguf:<path>' or 'sim[:options]'.",
      ),
    contextTokens: z
      .int()
      .min(512)
      .max(limits.contextTokens)
      .optional()
      .describe(
        "The model's context window in tokens, prompt and reply together; unset: read from the server (llama.cpp /props, vLLM /v1/models, Ollama /api/show) or the gguf: file, else 128,000 assumed, and learned from refusals. A gguf: model is loaded with this context size.",
      ),
  })
  .strict();

const GgufSchema = z
  .object({
    chatTemplate: z
      .string()
      .min(1)
      .default('auto')
      .describe(
        "Chat template of a gguf: model: 'auto' (the template in the GGUF file) or a node-llama-cpp chat wrapper name such as 'chatML' or 'llama3.1'.",
      ),
    gpuLayers: z
      .union([z.literal('auto'), z.literal('max'), z.int().min(0).max(10_000)])
      .default('auto')
      .describe(
        "Layers of a gguf: model offloaded to the GPU: 'auto' (what fits the free memory), 'max', or a count; 0 runs on the CPU only.",
      ),
    threads: z
      .union([z.literal('auto'), z.int().min(1).max(1_024)])
      .default('auto')
      .describe(
        "CPU threads of a gguf: model: 'auto' (1 for a model under 64 MB, where threads only wait for each other; else llama.cpp's choice) or a count.",
      ),
  })
  .strict();

const stageSpec = z.string().min(1).optional();

const StagesSchema = z
  .object({
    planner: stageSpec.describe(
      "Model spec of the planner, which outlines the document; unset: the writer's.",
    ),
    writer: stageSpec.describe(
      "Model spec of the writer, which drafts each section and continues a cut draft; unset: 'model'.",
    ),
    reviewer: stageSpec.describe(
      "Model spec of the reviewer, which revises, expands, condenses and summarises sections; unset: the writer's.",
    ),
  })
  .strict();

/** The one configuration schema of quire. Every key is described and has a default. */
export const ConfigSchema = z
  .object({
    model: z
      .union([
        z
          .string()
          .min(1)
          .transform((spec): { spec: string; contextTokens?: number | undefined } => ({ spec })),
        ModelSchema,
      ])
      .prefault({})
      .describe(
        "The model: a spec string ('openai:<id>', 'anthropic:<id>', 'google:<id>', 'ollama:<id>', 'sim[:options]'), or { spec, contextTokens }.",
      ),
    baseUrl: z
      .string()
      .superRefine((value, context) => {
        const problem = baseUrlProblem(value);
        if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
      })
      .optional()
      .describe('Base URL of an OpenAI-compatible server (vLLM, Ollama, llama.cpp, LM Studio).'),
    apiKey: z
      .string()
      .min(1)
      .optional()
      .describe('API key for openai: models; prefer the OPENAI_API_KEY environment variable.'),
    judge: z
      .string()
      .min(1)
      .optional()
      .describe('Model spec of the quality judge; no judge when unset.'),
    stages: StagesSchema.prefault({}).describe(
      'A model spec per stage of a write run, each unset by default: the stage uses the writer.',
    ),
    outDir: z
      .string()
      .min(1)
      .default('outputs')
      .describe('Folder where run directories are created.'),
    fixedClock: z.iso
      .datetime({
        offset: true,
        error: 'expected an ISO 8601 time with a zone, such as 2026-01-01T00:00:00Z',
      })
      .optional()
      .describe(
        'Stamp quire sft records as if every item started at this ISO 8601 time, the clock moving 1 ms per reading (createdAt, elapsedSeconds), so reruns write the same bytes; the real clock when unset.',
      ),
    maxTokens: z
      .int()
      .min(1)
      .max(limits.tokens)
      .optional()
      .describe('Stop a run (resumably) once it has used this many tokens, input and output.'),
    maxCost: z
      .number()
      .gt(0)
      .max(limits.costUsd)
      .optional()
      .describe('Stop a run (resumably) once its estimated cost reaches this many US dollars.'),
    retry: RetrySchema.prefault({}).describe('The retry layer around every model call.'),
    timeouts: TimeoutSchema.prefault({}).describe('Time limits of one attempt of a model call.'),
    providerOptions: z
      .record(z.string(), z.record(z.string(), z.json()))
      .default({})
      .describe(
        'Provider-specific options sent with every model call, by provider (the AI SDK\'s providerOptions), e.g. {"openai": {"serviceTier": "flex"}}.',
      ),
    telemetry: TelemetrySchema.prefault({}).describe(
      "OpenTelemetry spans of quire's model calls (the AI SDK's experimental_telemetry).",
    ),
    lengthGate: LengthGateSchema.prefault({}).describe(
      'The band a finished document must fall in: floor × target to ceiling × target words.',
    ),
    repetition: RepetitionSchema.prefault({}).describe(
      'What makes a document degenerate, for quire eval, run reports and quire sft alike.',
    ),
    write: WriteSchema.prefault({}).describe('The long-form pipeline.'),
    sft: SftSchema.prefault({}).describe('What quire sft puts in a record besides the answer.'),
    plan: PlanSettingsSchema.prefault({}).describe(
      'The plan critique of quire write, when write.quality asks for it; a --plan file is never critiqued.',
    ),
    review: ReviewSchema.prefault({}).describe(
      'The whole-document review of quire write, when write.quality asks for it.',
    ),
    gguf: GgufSchema.prefault({}).describe(
      'How a gguf: model runs in-process; its context size is model.contextTokens.',
    ),
    report: ReportSchema.prefault({}).describe('The HTML report (quire report).'),
    queue: QueueSchema.prefault({}).describe('Queue workers (quire worker, --queue).'),
    code: CodeSettingsSchema.prefault({}).describe('Code mode (quire code).'),
    limits: z
      .record(z.string(), LimitsSchema)
      .default({})
      .describe(
        'Known limits per model id, used from the start of a run (otherwise they are measured as it goes).',
      ),
    thinkingTokens: z
      .record(z.string(), z.int().min(0))
      .default({})
      .describe(
        'Output tokens added to each call\'s limit for the model\'s thinking, per model id (e.g. {"qwen3:32b": 16000}); models known to reason (Qwen3, QwQ, DeepSeek-R1, gpt-oss, o-series) get 8192 when unset, others 0.',
      ),
    prices: z
      .record(z.string(), PriceSchema)
      .default({})
      .describe(
        'Prices per model id, added to the built-in table; used for cost estimates and --max-cost.',
      ),
  })
  .strict();

/** A fully defaulted configuration. */
export type Config = z.infer<typeof ConfigSchema>;
/** What a user may write in a config file or pass as flags: every key optional. */
export type ConfigInput = z.input<typeof ConfigSchema>;
/** Prices of one model. */
export type ModelPrice = z.infer<typeof PriceSchema>;
