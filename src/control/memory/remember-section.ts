import { summariseSection } from '../../agents/summarise-section.js';
import type { CallSettings } from '../../model/call-settings.js';
import { type CallUsage, emptyUsage } from '../../model/usage-meter.js';
import type { PlanSection } from '../../planner/plan-schema.js';
import { extractNotes } from './extract-notes.js';
import type { Memory, MemoryEntry } from './memory-schema.js';

/** Who writes the memory: the writer's own notes (no extra call) or a summariser call. */
export type MemoryMode = 'notes' | 'summariser';

/**
 * Adds a finished section to the memory. In `notes` mode the writer's notes are used, or notes
 * extracted by rule when it left none; in `summariser` mode the summariser is asked. The entry
 * replaces any earlier one for the same section, so a repeated commit never duplicates it.
 */
export async function rememberSection({
  memory,
  section,
  text,
  notes,
  mode,
  call,
}: {
  memory: Memory;
  section: PlanSection;
  text: string;
  notes: string[];
  mode: MemoryMode;
  call?: CallSettings;
}): Promise<{ memory: Memory; usage: CallUsage }> {
  let entry: MemoryEntry;
  let usage = emptyUsage;
  if (mode === 'summariser' && call) {
    const summary = await summariseSection({ settings: call, sectionTitle: section.title, text });
    entry = {
      sectionId: section.id,
      title: section.title,
      notes: summary.notes,
      source: 'summariser',
    };
    usage = summary.usage;
  } else if (notes.length > 0) {
    entry = { sectionId: section.id, title: section.title, notes, source: 'writer' };
  } else {
    entry = {
      sectionId: section.id,
      title: section.title,
      notes: extractNotes({ text }),
      source: 'extracted',
    };
  }
  const entries = memory.entries.filter((existing) => existing.sectionId !== section.id);
  return { memory: { version: 1, entries: [...entries, entry] }, usage };
}
