import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import type { RunEvent } from '../../src/control/run-events.js';
import { writeRun } from '../../src/control/write-run.js';
import { UsageError } from '../../src/errors/usage-error.js';
import type { ContextWindowState } from '../../src/model/context/context-window.js';
import type { RunInfo } from '../../src/store/run-info-schema.js';
import { RunStore } from '../../src/store/run-store.js';
import { createTask } from '../helpers/builders.js';
import { draftPlanJson, promptModel, prose, wordsAsked } from '../helpers/prompt-model.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const config = ConfigSchema.parse({
  write: { quality: 'fast', minSectionWords: 100, ledger: 'rule' },
});

/** A model that plans two sections of 300 words and writes what it is asked. */
function writerModel() {
  return promptModel(({ json, prompt, index }) =>
    json
      ? { text: draftPlanJson({ count: 2, words: 300 }) }
      : { text: prose(wordsAsked(prompt), index + 1), outputTokens: 40 },
  );
}

/** A resolved model named `spec`. */
function resolved(model: ReturnType<typeof writerModel>, spec = 'mock') {
  return { model, spec, modelId: spec, simulated: false };
}

/** Writes (or resumes) a 600-word run in `directory`. */
async function write({
  directory,
  model = writerModel(),
  stages,
  contextWindow = { tokens: 32_000, source: 'config' },
  prompt,
  targetWords,
}: {
  directory: string;
  model?: ReturnType<typeof writerModel>;
  stages?: Parameters<typeof writeRun>[0]['stages'];
  contextWindow?: ContextWindowState;
  prompt?: string;
  targetWords?: number;
}) {
  const store = await RunStore.open(directory);
  const events: RunEvent[] = [];
  try {
    const result = await writeRun({
      store,
      task: createTask({ words: 600, ...(prompt ? { prompt } : {}) }),
      config,
      model: resolved(model),
      stages,
      contextWindow,
      targetWords,
      onEvent: (event) => events.push(event),
    });
    return { result, events };
  } finally {
    await store.close();
  }
}

const readInfo = async (directory: string) =>
  JSON.parse(await readFile(join(directory, 'run.json'), 'utf8')) as RunInfo;

describe('writeRun records', () => {
  it('the run’s start and end, its stages’ usage and the outcome against the length gate', async () => {
    const directory = await tempDir();
    const { result, events } = await write({ directory });
    expect(events[0]).toEqual({
      type: 'run-start',
      time: expect.any(String),
      runId: result.info.id,
      resumed: false,
      targetWords: 600,
      model: 'mock',
      contextWindow: { tokens: 32_000, source: 'config' },
    });
    expect(events.at(-1)).toMatchObject({
      type: 'run-end',
      status: 'completed',
      words: result.words,
      totals: { calls: 3 },
    });
    expect(events.at(-1)).not.toHaveProperty('reason');
    expect(result).toMatchObject({ stoppedEarly: false, lengthGate: { status: 'within' } });
    expect(result.words).toBe(600);
    const info = await readInfo(directory);
    expect(info).toMatchObject({
      status: 'completed',
      stages: { planning: { calls: 1 }, drafting: { calls: 2 } },
    });
    expect(info.stopReason).toBeUndefined();
    expect(result.info).toEqual(info);
  });

  it('a warning when the window is Ollama’s documented default, not one it said', async () => {
    const { events } = await write({
      directory: await tempDir(),
      contextWindow: { tokens: 4_096, source: 'ollama default' },
    });
    const warnings = events.filter((event) => event.type === 'run-warning');
    expect(warnings).toEqual([expect.objectContaining({ code: 'window-assumed' })]);
    expect((warnings[0] as { message: string }).message).toMatch(
      /quire assumes 4,096 tokens.*--context-tokens$/,
    );
  });

  it('a request too long for the window as a failure before any call', async () => {
    const directory = await tempDir();
    const model = writerModel();
    const error = await write({
      directory,
      model,
      contextWindow: { tokens: 1_000, source: 'config' },
      prompt: prose(2_000, 1),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect(model.doStreamCalls).toHaveLength(0);
    expect(await readInfo(directory)).toMatchObject({ status: 'failed' });
  });

  it('each stage’s calls on its own model: the planner plans, the reviewer repairs', async () => {
    const writer = promptModel(({ json, index }) =>
      json ? new Error('the writer was asked to plan') : { text: prose(200, index + 1) },
    );
    const planner = writerModel();
    const reviewer = promptModel(({ prompt, index }) => ({
      text: prose(wordsAsked(prompt), index + 50),
    }));
    const { result } = await write({
      directory: await tempDir(),
      model: writer,
      stages: { planner: resolved(planner, 'planner'), reviewer: resolved(reviewer, 'reviewer') },
    });
    expect(planner.doStreamCalls).toHaveLength(1);
    expect(writer.doStreamCalls.length).toBeGreaterThan(0);
    expect(reviewer.doStreamCalls.length).toBeGreaterThan(0);
    expect(result.info.status).toBe('completed');
  });

  it('a new target given on resume, with the plan rescaled to it', async () => {
    const directory = await tempDir();
    await write({ directory });
    const { result, events } = await write({ directory, targetWords: 900 });
    expect(events[0]).toMatchObject({ type: 'run-start', resumed: true, targetWords: 900 });
    expect(result.plan.words).toBe(900);
    expect(result.info.task.words).toBe(900);
    expect(JSON.parse(await readFile(join(directory, 'plan.json'), 'utf8')).words).toBe(900);
  });
});
