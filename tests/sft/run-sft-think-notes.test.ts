import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { runSft } from '../../src/sft/run-sft.js';
import { sftInstructionSource } from '../../src/sft/sft-instruction-source.js';
import { readRunThinkNotes } from '../../src/store/run-store.js';
import { simModel } from '../bench/helpers/bench-models.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** One record per format, written with marked think notes at `fast`, `sft.thinkNotes` as given. */
async function exportRecords({ thinkNotes }: { thinkNotes: boolean }) {
  const directory = await tempDir();
  const records: Record<string, Array<Record<string, unknown>>> = {};
  for (const format of ['messages', 'alpaca', 'sharegpt'] as const) {
    const out = join(directory, `${format}.jsonl`);
    await runSft({
      instructions: sftInstructionSource([
        { id: 'lighthouses', line: 1, prompt: 'Write 900 words on the lighthouses of Cornwall.' },
      ]),
      out,
      format,
      model: simModel(),
      config: ConfigSchema.parse({
        retry: { maxAttempts: 1 },
        write: { quality: 'fast', thinkNotes: 'marked' },
        sft: { thinkNotes },
      }),
      minWords: 1,
      keepRuns: true,
    });
    records[format] = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
  }
  return { directory, records };
}

describe('quire sft with think notes', () => {
  it('exports each section the note it was written from, the same field in every format', {
    timeout: 120_000,
  }, async () => {
    const { directory, records } = await exportRecords({ thinkNotes: true });
    // Each format ran the same instruction in runs of its own: the same replies, the same notes.
    const notes = records.messages?.[0]?.think_notes as Array<{ section: string; note: string }>;
    expect(notes.length).toBeGreaterThan(0);
    for (const format of ['alpaca', 'sharegpt']) {
      expect(records[format]?.[0]?.think_notes).toEqual(notes);
    }
    for (const { note } of notes) expect(note).toMatch(/^Purpose: /);
    // The exported notes are the files the sections were committed with.
    const stored = await readRunThinkNotes(join(directory, 'messages.runs', 'lighthouses'));
    expect(stored.map((each) => each.text.trim())).toEqual(notes.map((each) => each.note));
    const turns = records.messages?.[0]?.messages as Array<{ content: string }>;
    const answer = turns[1]?.content;
    expect(answer).not.toContain('Purpose:');
  });

  it('leaves the field out by default', { timeout: 120_000 }, async () => {
    const { records } = await exportRecords({ thinkNotes: false });
    for (const format of ['messages', 'alpaca', 'sharegpt']) {
      expect(records[format]?.[0]).not.toHaveProperty('think_notes');
    }
  });
});
