import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import type { RunEvent } from '../../src/control/run-events.js';
import { writeRun } from '../../src/control/write-run.js';
import { BudgetExceededError } from '../../src/errors/budget-exceeded-error.js';
import { InterruptedError } from '../../src/errors/interrupted-error.js';
import { countWords } from '../../src/evaluators/count-words.js';
import { RunStore } from '../../src/store/run-store.js';
import { estimateTokens } from '../../src/util/estimate-tokens.js';
import { createTask } from '../helpers/builders.js';
import { draftPlanJson, promptModel, prose, wordsAsked } from '../helpers/prompt-model.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const config = ConfigSchema.parse({ write: { minSectionWords: 100 } });

function writerModel({
  onCall,
  seed = 0,
}: {
  onCall?: (index: number) => void;
  seed?: number;
} = {}) {
  return promptModel(({ index, json, prompt, system }) => {
    onCall?.(index);
    if (json) return { text: draftPlanJson({ count: 5, words: 300 }) };
    return {
      text: prose(wordsAsked(prompt), seed + index + 1),
      // The prompt as a server counts it: a fixed count would read as a prompt cut short.
      inputTokens: estimateTokens(system) + estimateTokens(prompt),
      outputTokens: 400,
    };
  });
}

async function run({
  directory,
  model = writerModel(),
  budget,
  abortSignal,
}: {
  directory: string;
  model?: ReturnType<typeof writerModel>;
  budget?: { maxTokens?: number };
  abortSignal?: AbortSignal;
}) {
  const store = await RunStore.open(directory);
  const events: RunEvent[] = [];
  try {
    const result = await writeRun({
      store,
      task: createTask({ words: 1_500 }),
      config,
      model: { model, spec: 'mock', modelId: 'mock', simulated: false },
      budget,
      abortSignal,
      onEvent: (event) => events.push(event),
    });
    return { result, events };
  } finally {
    await store.close();
  }
}

describe('writeRun', () => {
  it('plans, writes every section, assembles document.md and records the run', async () => {
    const directory = await tempDir();
    const { result, events } = await run({ directory });
    expect(result.plan.sections).toHaveLength(5);
    expect(countWords(result.document)).toBeGreaterThan(1_400);
    const files = await readdir(join(directory, 'sections'));
    expect(files).toEqual([
      '001-chapter-a.md',
      '002-chapter-b.md',
      '003-chapter-c.md',
      '004-chapter-d.md',
      '005-chapter-e.md',
    ]);
    expect(await readFile(join(directory, 'document.md'), 'utf8')).toBe(result.document);
    const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
    expect(info).toMatchObject({
      status: 'completed',
      usage: { calls: 6, outputTokens: 5 * 400 + 5 },
    });
    expect(info.config.apiKey).toBeUndefined();
    const journal = (await readFile(join(directory, 'journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(journal.map((event) => event.type)).toEqual(events.map((event) => event.type));
    expect(journal.filter((event) => event.type === 'step-end')).toHaveLength(5);
    expect(journal.at(-1)).toMatchObject({ type: 'run-end', status: 'completed' });
  });

  it('resumes after a crash without redoing finished sections, and journals each section once', async () => {
    const directory = await tempDir();
    await run({ directory });
    // Simulate a kill after section 3 was committed but before its step-end was journalled.
    const journalPath = join(directory, 'journal.jsonl');
    const lines = (await readFile(journalPath, 'utf8')).trim().split('\n');
    const cut = lines.findIndex((line) => line.includes('"step-end"') && line.includes('"s003"'));
    await writeFile(journalPath, `${lines.slice(0, cut).join('\n')}\n{"type":"usa`);
    const sectionsDir = join(directory, 'sections');
    const kept = (await readdir(sectionsDir)).slice(0, 3);
    const before = await Promise.all(kept.map((name) => readFile(join(sectionsDir, name), 'utf8')));
    const { rm } = await import('node:fs/promises');
    for (const name of (await readdir(sectionsDir)).slice(3)) await rm(join(sectionsDir, name));
    await rm(join(directory, 'plan.json.0000.partial'), { force: true });
    await writeFile(join(sectionsDir, '004-chapter-d.md.abcd.partial'), 'half a secti');

    const calls: number[] = [];
    const { events } = await run({
      directory,
      model: writerModel({ onCall: (index) => calls.push(index), seed: 100 }),
    });
    expect(calls).toHaveLength(2);
    const after = await Promise.all(kept.map((name) => readFile(join(sectionsDir, name), 'utf8')));
    expect(after).toEqual(before);
    expect(await readdir(sectionsDir)).not.toContain('004-chapter-d.md.abcd.partial');
    const journal = (await readFile(journalPath, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const ends = journal
      .filter((event) => event.type === 'step-end')
      .map((event) => event.sectionId);
    expect(ends.sort()).toEqual(['s001', 's002', 's003', 's004', 's005']);
    expect(events.find((event) => event.type === 'step-end' && event.recovered)).toMatchObject({
      sectionId: 's003',
    });
  });

  it('stops at the token budget, resumably, and finishes when resumed with more', async () => {
    const directory = await tempDir();
    const error = await run({ directory, budget: { maxTokens: 2_000 } }).catch((e) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error.message).toContain(`quire resume ${directory}`);
    const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
    expect(info.status).toBe('stopped');
    expect((await readdir(join(directory, 'sections'))).length).toBe(2);
    const { result } = await run({ directory, model: writerModel({ seed: 100 }) });
    expect(result.info.status).toBe('completed');
    expect((await readdir(join(directory, 'sections'))).length).toBe(5);
  });

  it('stops on abort, records the run as interrupted and names the resume command', async () => {
    const directory = await tempDir();
    const controller = new AbortController();
    const model = writerModel({ onCall: (index) => index === 3 && controller.abort() });
    const error = await run({ directory, model, abortSignal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect(error.resumeCommand).toBe(`quire resume ${directory}`);
    const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
    expect(info.status).toBe('interrupted');
    expect((await readdir(join(directory, 'sections'))).length).toBe(2);
  });
});
