import { z } from 'zod';
import { limits } from '../config/limits.js';

/**
 * The settings of code mode, every one described and defaulted. `quire code` fills them from its
 * flags; library users pass them to `runCode`.
 */
export const CodeSettingsSchema = z
  .object({
    maxSteps: z
      .int()
      .min(1)
      .max(500)
      .default(30)
      .describe('Most steps (instructions) one run executes; the rest are reported unmet.'),
    maxTurns: z
      .int()
      .min(1)
      .max(1_000)
      .default(40)
      .describe('Most model turns in one step before it ends as failed.'),
    maxStepTokens: z
      .int()
      .min(1_000)
      .max(limits.tokens)
      .default(400_000)
      .describe('Most tokens (input and output) one step may use before it ends as failed.'),
    maxTokens: z
      .int()
      .min(1)
      .max(limits.tokens)
      .optional()
      .describe('Most tokens the whole run may use; steps not started by then are reported unmet.'),
    conversationTokens: z
      .int()
      .min(2_000)
      .max(limits.contextTokens)
      .default(24_000)
      .describe(
        'Largest step conversation, in estimated tokens, before it is summarised and the step restarts from the summary.',
      ),
    maxRestarts: z
      .int()
      .min(0)
      .max(20)
      .default(3)
      .describe('Restarts from a summary allowed per step.'),
    repeatLimit: z
      .int()
      .min(2)
      .max(20)
      .default(3)
      .describe(
        'Identical tool calls in a row that make the step be nudged and its temperature raised; twice as many end it.',
      ),
    testTimeoutMs: z
      .int()
      .min(100)
      .max(limits.durationMs)
      .default(60_000)
      .describe('Time limit of one run of the generated tests, in ms.'),
    memoryLimitMb: z
      .int()
      .min(16)
      .max(limits.memoryMb)
      .default(512)
      .describe(
        "Memory limit of each generated process, in MB: its V8 heap, and its writable memory besides Node's own (RLIMIT_DATA).",
      ),
    diskQuotaMb: z
      .int()
      .min(1)
      .max(limits.diskMb)
      .default(256)
      .describe(
        'Disk quota of each generated process, in MB: all it writes together (a tmpfs under bubblewrap), and any one file.',
      ),
    readLimitChars: z
      .int()
      .min(1_000)
      .max(limits.fileChars)
      .default(40_000)
      .describe('Most characters one read_files call returns.'),
    maxFileChars: z
      .int()
      .min(1_000)
      .max(limits.fileChars)
      .default(200_000)
      .describe('Largest file write_files accepts, in characters.'),
    planAttempts: z
      .int()
      .min(1)
      .max(10)
      .default(3)
      .describe('Planner calls before the missing requirements are attached by quire itself.'),
    temperature: z
      .number()
      .min(0)
      .max(2)
      .optional()
      .describe('Sampling temperature of step turns; unset uses the provider default.'),
    maxOutputTokens: z
      .int()
      .min(256)
      .max(limits.tokens)
      .optional()
      .describe('Output limit of one model turn; unset uses the provider default.'),
  })
  .strict();

/** Fully defaulted code-mode settings. */
export type CodeSettings = z.infer<typeof CodeSettingsSchema>;
/** Code-mode settings as a caller may give them: every key optional. */
export type CodeSettingsInput = z.input<typeof CodeSettingsSchema>;
