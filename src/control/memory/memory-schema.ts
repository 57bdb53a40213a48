import { z } from 'zod';

/** Notes one finished section left for the sections after it. */
export const MemoryEntrySchema = z.object({
  sectionId: z.string(),
  title: z.string(),
  notes: z.array(z.string()),
  /** Where the notes came from: the writer's own notes, the summariser, or extracted by rule. */
  source: z.enum(['writer', 'summariser', 'extracted']),
});

/** memory.json: the running memory of a run, one entry per finished section, in plan order. */
export const MemorySchema = z.object({
  version: z.literal(1),
  entries: z.array(MemoryEntrySchema),
});

export type Memory = z.infer<typeof MemorySchema>;
export type MemoryEntry = z.infer<typeof MemoryEntrySchema>;

export const emptyMemory: Memory = { version: 1, entries: [] };
