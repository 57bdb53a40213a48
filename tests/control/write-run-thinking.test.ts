import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfigInput, ConfigSchema } from '../../src/config/config-schema.js';
import { runBudget } from '../../src/control/budget.js';
import { writeRun } from '../../src/control/write-run.js';
import { countWords } from '../../src/evaluators/count-words.js';
import { resolveModel } from '../../src/model/resolve-model.js';
import {
  RunStore,
  readRunInfo,
  readRunSections,
  readRunThinking,
} from '../../src/store/run-store.js';
import { createTask } from '../helpers/builders.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

async function write({ spec, config = {} }: { spec: string; config?: ConfigInput }) {
  const directory = await tempDir();
  const store = await RunStore.open(directory);
  const parsed = ConfigSchema.parse({
    model: spec,
    ...config,
    write: { quality: 'fast', ...config.write },
  });
  try {
    const result = await writeRun({
      store,
      task: createTask({ prompt: 'Write a guide to the tide mills of Brittany', words: 2_000 }),
      config: parsed,
      model: resolveModel({ spec }),
      budget: runBudget({ config: parsed, modelId: 'sim' }),
    });
    return { directory, result };
  } finally {
    await store.close();
  }
}

describe('a write run on a model that thinks', () => {
  it('keeps the thinking beside each section and the plan, never in the document', {
    timeout: 120_000,
  }, async () => {
    const plain = await write({ spec: 'sim:seed=4' });
    const thinking = await write({
      spec: 'sim:seed=4,think=tags,think-words=80',
      config: { prices: { sim: { input: 0, output: 1 } } },
    });
    expect(thinking.result.document).toBe(plain.result.document);

    const thoughts = await readRunThinking(thinking.directory);
    const sections = await readRunSections(thinking.directory);
    expect(thoughts.map((each) => each.name)).toEqual([
      'plan',
      ...sections.map((section) => section.file.replace(/^sections\/|\.md$/g, '')),
    ]);
    for (const thought of thoughts) {
      expect(countWords(thought.text)).toBeGreaterThanOrEqual(80);
      expect(thought.text).not.toMatch(/<\/?think>/);
      const firstLine = thought.text.split('\n')[0] ?? '';
      expect(thinking.result.document).not.toContain(firstLine);
    }
    const info = await readRunInfo(thinking.directory);
    expect(info.usage.reasoningTokens).toBeGreaterThan(80 * thoughts.length);
    // Thinking is billed as output: it is in the output tokens, and so in the cost.
    const plainOutput = (await readRunInfo(plain.directory)).usage.outputTokens;
    expect(info.usage.outputTokens - plainOutput).toBeGreaterThanOrEqual(
      info.usage.reasoningTokens,
    );
    expect((info.costUsd ?? 0) * 1_000_000).toBeCloseTo(info.usage.outputTokens, 3);
    expect((await readRunInfo(plain.directory)).usage.reasoningTokens).toBe(0);
    const journal = await readFile(join(thinking.directory, 'journal.jsonl'), 'utf8');
    expect(journal).toContain('"reasoningTokens"');
  });

  it('completes with no empty section when replies spend their whole limit thinking', {
    timeout: 120_000,
  }, async () => {
    // 3,000 words of thinking overflow a section's limit when no room is left for thinking:
    // each section's first reply thinks to its limit, and the retry (twice the room, low
    // effort: a quarter of the thinking) answers.
    const { directory, result } = await write({
      spec: 'sim:seed=4,think=reasoning_content,think-words=3000',
      config: { thinkingTokens: { sim: 0 } },
    });
    expect(result.info.status).toBe('completed');
    const sections = await readRunSections(directory);
    expect(sections).toHaveLength(result.plan.sections.length);
    for (const section of sections) {
      const budget = result.plan.sections[section.index]!.words;
      expect(countWords(section.text)).toBeGreaterThan(budget * 0.8);
    }
    const thoughts = await readRunThinking(directory);
    const sectionThoughts = thoughts.filter((each) => each.name !== 'plan');
    expect(sectionThoughts).toHaveLength(sections.length);
    // Only the answered replies' thinking is kept: each a quarter of the 3,000 words.
    for (const thought of sectionThoughts) {
      for (const call of thought.text.split('\n---\n')) expect(countWords(call)).toBe(750);
    }
    expect(result.info.usage.failedAttempts).toBe(0);
  });
});
