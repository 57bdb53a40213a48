import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { LedgerSchema } from '../../src/control/ledger/ledger-schema.js';
import type { RunEvent } from '../../src/control/run-events.js';
import { writeRun } from '../../src/control/write-run.js';
import { BudgetExceededError } from '../../src/errors/budget-exceeded-error.js';
import { InterruptedError } from '../../src/errors/interrupted-error.js';
import { countWords } from '../../src/evaluators/count-words.js';
import type { ContextWindowState } from '../../src/model/context/context-window.js';
import type { Plan } from '../../src/planner/plan-schema.js';
import { RunStore } from '../../src/store/run-store.js';
import { estimateTokens } from '../../src/util/estimate-tokens.js';
import { createPlan, createTask } from '../helpers/builders.js';
import { draftPlanJson, promptModel, prose, wordsAsked } from '../helpers/prompt-model.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
// These runs are about writing and length: the ledger is kept by rule, so the scripted model
// answers the planner's JSON only (the ledger's own call is tested below).
const config = ConfigSchema.parse({
  write: { quality: 'fast', minSectionWords: 100, ledger: 'rule' },
});

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
  spec = 'mock',
  budget,
  abortSignal,
  targetWords,
  settings = config,
  suppliedPlan,
  contextWindow,
}: {
  directory: string;
  model?: ReturnType<typeof writerModel>;
  /** The model spec recorded: another spec starts the capacity estimate afresh. */
  spec?: string;
  budget?: { maxTokens?: number };
  abortSignal?: AbortSignal;
  targetWords?: number;
  settings?: typeof config;
  suppliedPlan?: Plan;
  contextWindow?: ContextWindowState;
}) {
  const store = await RunStore.open(directory);
  const events: RunEvent[] = [];
  try {
    const result = await writeRun({
      store,
      task: createTask({ words: 1_500 }),
      config: settings,
      model: { model, spec, modelId: spec, simulated: false },
      budget,
      abortSignal,
      targetWords,
      suppliedPlan,
      contextWindow,
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
    const error = await run({ directory, budget: { maxTokens: 1_800 } }).catch((e) => e);
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

/**
 * A model that writes what it is asked, except the last of five chapters: that one it writes at
 * `stubborn` words, whatever it is asked, drafts and revisions alike.
 */
function stubbornEndModel({ stubborn }: { stubborn: number }) {
  return promptModel(({ index, json, prompt }) => {
    if (json) return { text: draftPlanJson({ count: 5, words: 300 }) };
    const last = prompt.includes('Section 5 of 5') || prompt.includes('Section: Chapter E');
    return { text: prose(last ? stubborn : wordsAsked(prompt), index + 1) };
  });
}

/** A model that drafts 60% of any ask and whose continuations add a single word. */
function shortModel() {
  return promptModel(({ index, json, prompt }) => {
    if (json) return { text: draftPlanJson({ count: 5, words: 300 }) };
    if (prompt.includes('<text-so-far>')) return { text: 'More.' };
    return { text: prose(Math.round(wordsAsked(prompt) * 0.6), index + 1) };
  });
}

const fixedPolicy = ConfigSchema.parse({
  write: { quality: 'fast', minSectionWords: 100, lengthPolicy: 'fixed', ledger: 'rule' },
});

describe('writeRun: never a silent short document', () => {
  it('ends a document outside the length gate as incomplete-length, saying why', async () => {
    const directory = await tempDir();
    const { result, events } = await run({ directory, model: shortModel(), settings: fixedPolicy });
    expect(result.info.status).toBe('incomplete-length');
    expect(result.lengthGate.status).toBe('short');
    expect(result.stoppedEarly).toBe(false);
    expect(result.info.stopReason).toMatch(
      /^the document has [\d,]+ of 1,500 words \(0\.\d\d×, under the 0\.9× floor\)/,
    );
    const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
    expect(info).toMatchObject({ status: 'incomplete-length', stopReason: result.info.stopReason });
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'incomplete-length' });
    // The fixed policy: a draft and two repairs per section, whatever they achieve.
    expect(events.some((event) => event.type === 'plan-refit')).toBe(false);
    expect(result.info.usage.calls).toBe(1 + 5 * 3);
  });

  it('condenses a document that ends over the ceiling, making room in the sections that yield', async () => {
    const directory = await tempDir();
    const { result, events } = await run({ directory, model: stubbornEndModel({ stubborn: 660 }) });
    // 4 × 300 + 660 words and the headings: over the 1,800-word ceiling until the first four give way.
    expect(result.info.status).toBe('completed');
    expect(result.lengthGate.status).toBe('within');
    expect(result.report.words).toBeLessThanOrEqual(1_800);
    const last = events.findLastIndex((event) => event.type === 'step-end' && event.index === 4);
    const after = events.slice(last + 1).filter((event) => event.type === 'step-end');
    expect(after.map((event) => event.type === 'step-end' && event.index)).toEqual([0, 1, 2, 3]);
  });

  it('ends over the ceiling as incomplete-length, after a bounded condensing, when the room made is not enough', async () => {
    const directory = await tempDir();
    const { result } = await run({ directory, model: stubbornEndModel({ stubborn: 900 }) });
    expect(result.info.status).toBe('incomplete-length');
    expect(result.info.stopReason).toMatch(
      /^the document has 2,\d{3} of 1,500 words .*over the 1\.2× ceiling/,
    );
    // The plan, five drafts, the last section's condensings, then one ask per section at most twice.
    expect(result.info.usage.calls).toBeLessThanOrEqual(1 + 5 + 12 + 1 + 4 * 2);
  });

  it('lands a model that writes a share of any ask, recognising the habit and rebalancing', async () => {
    const directory = await tempDir();
    const { result, events } = await run({ directory, model: shortModel() });
    expect(result.info.status).toBe('completed');
    expect(result.lengthGate.status).toBe('within');
    expect(result.info.capacity?.compliance).toBeCloseTo(0.6, 1);
    expect(
      events.some((event) => event.type === 'plan-refit' && event.reason === 'rebalance'),
    ).toBe(true);
  });

  it('repairs the short sections when resumed with a model that writes enough', async () => {
    const directory = await tempDir();
    await run({ directory, model: shortModel(), settings: fixedPolicy });
    const { result } = await run({ directory, model: writerModel({ seed: 50 }), spec: 'better' });
    expect(result.info.status).toBe('completed');
    expect(result.lengthGate.status).toBe('within');
    expect(result.info.capacity?.model).toBe('better');
  });

  it('takes a new target when resumed with --words, repairing only what misses its new budget', async () => {
    const directory = await tempDir();
    const first = await run({ directory, model: shortModel(), settings: fixedPolicy });
    const calls: number[] = [];
    const target = Math.round(first.result.report.words / 0.95);
    const { result } = await run({
      directory,
      model: writerModel({ onCall: (index) => calls.push(index) }),
      targetWords: target,
      settings: fixedPolicy,
    });
    expect(result.info.status).toBe('completed');
    expect(result.info.task.words).toBe(target);
    expect(result.plan.words).toBe(target);
    expect(calls.length).toBeLessThanOrEqual(5);
  });

  it('stops early, keeping what it wrote, when the model writes a few words per reply', async () => {
    const directory = await tempDir();
    const tiny = promptModel(({ json }) =>
      json ? { text: draftPlanJson({ count: 5, words: 300 }) } : { text: 'Tides rise slowly.' },
    );
    const { result } = await run({ directory, model: tiny });
    expect(result.stoppedEarly).toBe(true);
    expect(result.info.status).toBe('incomplete-length');
    expect(result.info.stopReason).toMatch(/^the model writes about 3 words per reply/);
    expect(result.info.usage.calls).toBeLessThanOrEqual(5);
    const { result: again } = await run({ directory, model: tiny });
    expect(again.info.usage.calls).toBe(result.info.usage.calls);
  });

  it('divides sections the context window leaves no room to write in one reply, journalling why', async () => {
    const directory = await tempDir();
    const { result, events } = await run({
      directory,
      suppliedPlan: createPlan({ count: 2, words: 750 }),
      contextWindow: { tokens: 2_048, source: 'config' },
    });
    const refit = events.find((event) => event.type === 'plan-refit' && event.reason === 'window');
    expect(refit).toMatchObject({ type: 'plan-refit', reason: 'window', index: 0 });
    const fitted = refit?.type === 'plan-refit' ? refit.wordsPerReply! : 0;
    expect(fitted).toBeLessThan(750);
    expect(result.plan.sections.length).toBeGreaterThan(2);
    expect(result.plan.sections.every((section) => section.words <= fitted)).toBe(true);
    expect(result.info.status).toBe('completed');
  });

  it('uses a configured words per reply from the start, before any draft', async () => {
    const directory = await tempDir();
    const { result, events } = await run({
      directory,
      settings: ConfigSchema.parse({
        write: { quality: 'fast', minSectionWords: 100, ledger: 'rule' },
        limits: { mock: { wordsPerReply: 100 } },
      }),
    });
    const firstStep = events.findIndex((event) => event.type === 'step-start');
    const refit = events.findIndex((event) => event.type === 'plan-refit');
    expect(refit).toBeGreaterThan(-1);
    expect(refit).toBeLessThan(firstStep);
    expect(events[refit]).toMatchObject({ reason: 'capacity', index: 0, wordsPerReply: 100 });
    expect(result.plan.sections).toHaveLength(15);
    expect(result.info.capacity).toMatchObject({ model: 'mock', configured: 100 });
    expect(result.info.status).toBe('completed');
  });
  it('keeps a typed ledger with one structured call per section, and writes later sections with it', async () => {
    const directory = await tempDir();
    const prompts: string[] = [];
    const model = promptModel(({ json, prompt, system }) => {
      const ledgerSection = /^Section (s\d+), "(.+)":/m.exec(prompt);
      if (json && ledgerSection) {
        return {
          text: JSON.stringify({
            entities: [
              {
                name: `Keeper of ${ledgerSection[2]}`,
                kind: 'person',
                attributes: [{ name: 'fee', value: '12 pence' }],
              },
            ],
            claims: [`${ledgerSection[2]} fixed the harbour fee at 12 pence.`],
            threadsOpened: [],
            threadsResolved: [],
          }),
        };
      }
      if (json) return { text: draftPlanJson({ count: 3, words: 300 }) };
      prompts.push(prompt);
      return {
        text: `${prose(wordsAsked(prompt), prompts.length)}\n\n@@notes\n- a writer's note`,
        inputTokens: estimateTokens(system) + estimateTokens(prompt),
        outputTokens: 400,
      };
    });
    const settings = ConfigSchema.parse({
      write: { quality: 'fast', minSectionWords: 100, ledger: 'model' },
    });
    const { result } = await run({ directory, model, settings });
    expect(result.plan.sections).toHaveLength(3);
    const ledger = LedgerSchema.parse(
      JSON.parse(await readFile(join(directory, 'ledger.json'), 'utf8')),
    );
    expect(ledger.sectionIds).toEqual(result.plan.sections.map((section) => section.id));
    expect(ledger.claims).toEqual(
      result.plan.sections.map((section) => ({
        text: `${section.title} fixed the harbour fee at 12 pence.`,
        sectionId: section.id,
      })),
    );
    expect(ledger.entities[0]).toMatchObject({
      name: `Keeper of ${result.plan.sections[0]!.title}`,
      attributes: [{ name: 'fee', value: '12 pence', sectionId: result.plan.sections[0]!.id }],
    });
    // The second section is written knowing what the ledger holds from the first.
    expect(prompts[1]).toContain(`${result.plan.sections[0]!.title} fixed the harbour fee`);
    const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
    expect(info.usage.calls).toBe(1 + 3 + 3);
  });

  it('keeps the ledger by rule, with no extra call, in ledger mode "rule"', async () => {
    const directory = await tempDir();
    const model = promptModel(({ json, prompt, index }) =>
      json
        ? { text: draftPlanJson({ count: 3, words: 300 }) }
        : {
            text: `${prose(wordsAsked(prompt), index)} Ana Ruiz paid 40 crowns.\n\n@@notes\n- Ana Ruiz paid 40 crowns.`,
          },
    );
    const settings = ConfigSchema.parse({
      write: { quality: 'fast', minSectionWords: 100, ledger: 'rule' },
    });
    const { result } = await run({ directory, model, settings });
    const ledger = LedgerSchema.parse(
      JSON.parse(await readFile(join(directory, 'ledger.json'), 'utf8')),
    );
    expect(ledger.claims.map((claim) => claim.text)).toContain('Ana Ruiz paid 40 crowns.');
    expect(ledger.entities.map((entity) => entity.name)).toContain('Ana Ruiz');
    expect(result.info.usage.calls).toBe(1 + 3);
  });
});
