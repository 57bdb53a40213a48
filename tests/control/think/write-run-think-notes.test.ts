import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfigInput, ConfigSchema } from '../../../src/config/config-schema.js';
import { runBudget } from '../../../src/control/budget.js';
import type { RunEvent } from '../../../src/control/run-events.js';
import { writeRun } from '../../../src/control/write-run.js';
import { resolveModel } from '../../../src/model/resolve-model.js';
import { readJournal } from '../../../src/store/journal.js';
import {
  RunStore,
  readRunSections,
  readRunThinkNotes,
  runFiles,
} from '../../../src/store/run-store.js';
import { createTask } from '../../helpers/builders.js';
import { readPlantedDefects } from '../../helpers/planted-defects.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();

/** A 2,000-word run at `fast` (no review: the sections are the drafts) with `thinkNotes`. */
async function write({
  spec = 'sim:seed=5',
  thinkNotes,
  directory,
  abortWhen,
}: {
  spec?: string;
  thinkNotes: 'off' | 'call' | 'marked';
  directory?: string;
  /** Aborts the run at the first event this accepts, as Ctrl-C would. */
  abortWhen?: (event: RunEvent) => boolean;
}) {
  const folder = directory ?? (await tempDir());
  const store = await RunStore.open(folder);
  const config = ConfigSchema.parse({
    model: spec,
    write: { quality: 'fast', thinkNotes },
  } satisfies ConfigInput);
  const abort = new AbortController();
  try {
    const result = await writeRun({
      store,
      task: createTask({ prompt: 'Write a history of the lighthouses of Cornwall', words: 2_000 }),
      config,
      model: resolveModel({ spec }),
      budget: runBudget({ config, modelId: 'sim' }),
      abortSignal: abort.signal,
      onEvent: (event) => {
        if (abortWhen?.(event)) abort.abort(new Error('stopped by the test'));
      },
    });
    return { directory: folder, result };
  } finally {
    await store.close();
  }
}

function journal(directory: string): Promise<Array<Record<string, unknown>>> {
  return readJournal(join(directory, runFiles.journal));
}

describe('think notes in a write run', () => {
  for (const mode of ['call', 'marked'] as const) {
    it(`stores the note (${mode}) beside each section and never in the document`, {
      timeout: 120_000,
    }, async () => {
      const { directory, result } = await write({ thinkNotes: mode });
      const sections = await readRunSections(directory);
      const notes = await readRunThinkNotes(directory);
      expect(sections.every((section) => !section.file.endsWith('.think.md'))).toBe(true);
      expect(notes.map((note) => `sections/${note.name}.md`)).toEqual(
        sections.map((section) => section.file),
      );
      for (const note of notes) {
        expect(note.text).toMatch(/^Purpose: .+\nLink: .+\nFacts: .+\nAvoid: .+\nWords: about \d+/);
        expect(result.document).not.toContain(note.text.split('\n')[0]);
      }
      expect(result.document).not.toMatch(/@@|^(?:Purpose|Link|Avoid):/m);
      // The note is the one the section was written from: the journalled one, one per section.
      const ends = (await journal(directory)).filter((event) => event.type === 'think-end');
      expect(ends.map((end) => end.note)).toEqual(notes.map((note) => note.text.trim()));
      expect(ends.every((end) => end.mode === mode)).toBe(true);
    });
  }

  it('a separate call adds one call per section; a marked note adds none and no words', {
    timeout: 120_000,
  }, async () => {
    // Without length noise the simulated writer writes exactly the words it is asked for.
    const spec = 'sim:seed=5,noise=0';
    const off = await write({ spec, thinkNotes: 'off' });
    const call = await write({ spec, thinkNotes: 'call' });
    const marked = await write({ spec, thinkNotes: 'marked' });
    const sections = (await readRunSections(call.directory)).length;
    expect(call.result.info.usage.calls - off.result.info.usage.calls).toBe(sections);
    expect(marked.result.info.usage.calls).toBe(off.result.info.usage.calls);
    // The marked note is split off before the words are counted: each section is its budget.
    const events = await journal(marked.directory);
    const noteWords = events
      .filter((event) => event.type === 'think-end')
      .map((event) => event.words as number);
    expect(Math.min(...noteWords)).toBeGreaterThan(20);
    for (const end of events.filter((event) => event.type === 'step-end')) {
      expect(end.words).toBe(end.budget);
    }
  });

  it('shapes the text: a writer told by its note not to repeat a passage does not copy it', {
    timeout: 120_000,
  }, async () => {
    // Paragraphs of an earlier section copied into a later one, by the sim's own log.
    const copied = async (thinkNotes: 'off' | 'call' | 'marked') => {
      const log = join(await tempDir(), 'defects.jsonl');
      const spec = `sim:seed=3,defects=1,defect-kinds=copied-paragraph,defect-log=${log}`;
      const { directory } = await write({ spec, thinkNotes });
      const sections = await readRunSections(directory);
      const planted = await readPlantedDefects(log);
      return planted.filter((defect) =>
        sections.some(
          (section) =>
            section.text.includes(defect.text) &&
            sections.some(
              (later) => later.index > section.index && later.text.includes(defect.text),
            ),
        ),
      ).length;
    };
    // Every section after the first may copy a paragraph of the text before it; a note lists
    // those paragraphs under Avoid, and the writer reads the note from its prompt or reply.
    expect(await copied('off')).toBeGreaterThan(0);
    expect(await copied('call')).toBe(0);
    expect(await copied('marked')).toBe(0);
  });

  it('keeps a clean section, with a finding, when the marked note is missing, unclosed or leaked', {
    timeout: 120_000,
  }, async () => {
    const { directory, result } = await write({
      spec: 'sim:seed=5,note-slip=1',
      thinkNotes: 'marked',
    });
    expect(result.document).not.toMatch(/@@|^(?:Purpose|Link|Facts|Avoid|Words):/m);
    const events = await journal(directory);
    const rules = events
      .filter((event) => event.type === 'check-end')
      .flatMap((event) => (event.findings as Array<{ ruleId: string }>).map((f) => f.ruleId))
      .filter((rule) => rule.startsWith('think/'));
    expect(rules.length).toBeGreaterThan(0);
    const ends = events.filter((event) => event.type === 'think-end');
    const notes = await readRunThinkNotes(directory);
    // Only the sections whose reply held a note have a note file.
    expect(notes.length).toBe(ends.filter((end) => typeof end.note === 'string').length);
    for (const section of await readRunSections(directory)) {
      expect(section.text).not.toContain('@@');
    }
  });

  it('resumes a run killed after a note was made without asking for that note again', {
    timeout: 120_000,
  }, async () => {
    const directory = await tempDir();
    await expect(
      write({
        thinkNotes: 'call',
        directory,
        abortWhen: (event) => event.type === 'think-end' && event.index === 1,
      }),
    ).rejects.toThrow();
    const killed = await journal(directory);
    const noteOfSecond = killed.find((event) => event.type === 'think-end' && event.index === 1);
    expect(noteOfSecond?.note).toEqual(expect.any(String));
    expect((await readRunSections(directory)).map((section) => section.index)).toEqual([0]);

    const resumed = await write({ thinkNotes: 'call', directory });
    const events = (await journal(directory)).slice(killed.length);
    const ends = events.filter((event) => event.type === 'think-end');
    expect(ends.map((end) => end.index)).not.toContain(1);
    const notes = await readRunThinkNotes(directory);
    expect(notes[1]?.text.trim()).toBe(noteOfSecond?.note);
    expect(resumed.result.document).not.toContain('@@');
  });
});
