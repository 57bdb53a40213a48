import { z } from 'zod';

/** `BenchUsage` as a result line stores it: tokens, calls and failed attempts of one answer. */
export const BenchUsageSchema = z
  .object({
    inputTokens: z.number(),
    outputTokens: z.number(),
    cachedInputTokens: z.number(),
    calls: z.number(),
    failedAttempts: z.number(),
  })
  .strict();
