import { z } from 'zod';

const checkSet = z
  .record(z.string().regex(/^\d+$/, 'keys are segment numbers'), z.string())
  .describe('Segment number → description of what must appear there.');

/**
 * One item of SGT's published data (`Dataset_short.json`, `Dataset_long.json`): a
 * completion-style prompt and its checks, already expanded to one key per segment.
 */
export const SgtItemSchema = z.object({
  prompt: z.string().min(1),
  checks_once: checkSet,
  checks_range: checkSet,
  checks_periodic: checkSet,
  type: z.string().min(1).describe('The segment label, e.g. Week, Menu Day, Floor, Block.'),
  prefix: z
    .string()
    .describe('The first entry header, e.g. "#*# Week 1 (January 1st - January 7th):".'),
  number: z.int().min(1).describe('N: the segments expected, numbered 1..N.'),
});

/** A file of SGT items. */
export const SgtDatasetSchema = z.array(SgtItemSchema);

export type SgtItem = z.infer<typeof SgtItemSchema>;
