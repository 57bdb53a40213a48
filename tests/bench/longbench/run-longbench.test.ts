import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LongbenchResultSchema } from '../../../src/bench/longbench/longbench-result-schema.js';
import { runLongbench } from '../../../src/bench/longbench/run-longbench.js';
import { sampleLongbenchItems } from '../../../src/bench/longbench/sample-longbench-items.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import {
  benchConfig,
  failingModel,
  refusingModel,
  simModel,
  steadyJudge,
} from '../helpers/bench-models.js';
import { longbenchItems } from '../helpers/longbench-rows.js';

const tempDir = useTempDir();

async function resultLines(outDir: string) {
  const text = await readFile(join(outDir, 'results.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => LongbenchResultSchema.parse(JSON.parse(line)));
}

describe('runLongbench', () => {
  it('direct mode: one call per item, scored and appended; the per-call ceiling sinks long targets', async () => {
    const outDir = await tempDir();
    const items = longbenchItems();
    const events: string[] = [];
    const result = await runLongbench({
      items,
      mode: 'direct',
      model: simModel(),
      config: benchConfig,
      outDir,
      concurrency: 3,
      onEvent: (event) => events.push(event.type),
    });
    expect(result).toMatchObject({ skipped: 0, failures: [], interrupted: false });
    expect(result.results.map((each) => each.id)).toEqual(items.map((item) => item.id));
    const lines = await resultLines(outDir);
    expect(lines).toHaveLength(8);
    for (const line of lines) {
      expect(line.usage.calls, line.prompt).toBe(1);
      expect(line.runDirectory).toBeNull();
    }
    const byLength = new Map(lines.map((line) => [line.length, line]));
    expect(byLength.get(150)?.S_l).toBeGreaterThan(80);
    // sim writes at most 2,000 words a call: 5,000 asked → 25 at best, 6,000 → about 0.
    expect(byLength.get(5000)?.response_length).toBeLessThanOrEqual(2000);
    expect(byLength.get(5000)?.S_l).toBeLessThanOrEqual(25);
    expect(result.summary.byBucket[3]?.lengthScore).toBeLessThan(30);
    expect(events.filter((type) => type === 'item-end')).toHaveLength(8);
    expect(events[0]).toBe('batch-start');
  });

  it('quire mode: runs the pipeline per item in runs/<id>, with the row length as target', async () => {
    const outDir = await tempDir();
    const items = longbenchItems().filter((item) => item.length === 5000 || item.length === 150);
    const result = await runLongbench({
      items,
      mode: 'quire',
      model: simModel(),
      config: benchConfig,
      outDir,
    });
    for (const line of result.results) {
      expect(line.runDirectory).toBe(join(outDir, 'runs', line.id));
      expect(existsSync(join(line.runDirectory ?? '', 'document.md'))).toBe(true);
      const info = JSON.parse(await readFile(join(line.runDirectory ?? '', 'run.json'), 'utf8'));
      expect(info.task.words).toBe(line.length);
      expect(line.S_l, `${line.length}`).toBeGreaterThan(85);
    }
    expect(result.results.find((line) => line.length === 5000)?.usage.calls).toBeGreaterThan(2);
  });

  it('skips the items already in results.jsonl, asking the model nothing', async () => {
    const outDir = await tempDir();
    const items = longbenchItems().slice(0, 3);
    await runLongbench({ items, mode: 'direct', model: simModel(), config: benchConfig, outDir });
    const again = await runLongbench({
      items,
      mode: 'direct',
      model: refusingModel(),
      config: benchConfig,
      outDir,
    });
    expect(again).toMatchObject({ skipped: 3, failures: [] });
    expect(again.results).toHaveLength(3);
    expect(await resultLines(outDir)).toHaveLength(3);
  });

  it('records a failed item, keeps the others, and retries only it on the next run', async () => {
    const outDir = await tempDir();
    const items = longbenchItems().slice(0, 4);
    const first = await runLongbench({
      items,
      mode: 'direct',
      model: failingModel({ failOn: 'lighthouses' }),
      config: benchConfig,
      outDir,
    });
    expect(first.failures).toHaveLength(1);
    expect(first.failures[0]?.id).toBe(items[2]?.id);
    expect(first.results).toHaveLength(3);
    const second = await runLongbench({
      items,
      mode: 'direct',
      model: simModel(),
      config: benchConfig,
      outDir,
    });
    expect(second).toMatchObject({ skipped: 3, failures: [] });
    expect(second.results).toHaveLength(4);
  });

  it('scores S_q and S with a judge', async () => {
    const outDir = await tempDir();
    const result = await runLongbench({
      items: longbenchItems().slice(0, 2),
      mode: 'direct',
      model: simModel(),
      config: benchConfig,
      judge: steadyJudge(),
      outDir,
    });
    for (const line of result.results) {
      expect(line.S_q).toBe(75);
      expect(line.S).toBeCloseTo((line.S_l + 75) / 2);
      expect(line.quality?.judge).toBe('mock-judge');
    }
    expect(result.summary.overall).toMatchObject({ judged: 2, qualityScore: 75 });
  });
});

describe('runLongbench with samples', () => {
  it('answers each item N times with its own seed and reports the spread of their lengths', async () => {
    const outDir = await tempDir();
    const items = sampleLongbenchItems({ items: longbenchItems().slice(0, 2), samples: 3 });
    expect(items.map((item) => item.sample)).toEqual([1, 2, 3, 1, 2, 3]);
    const result = await runLongbench({
      items,
      mode: 'direct',
      model: simModel('sim:noise=0.3'),
      config: benchConfig,
      outDir,
    });
    expect(result.failures).toEqual([]);
    const stability = result.summary.stability;
    expect(stability).toMatchObject({ samples: 3 });
    expect(stability?.items).toHaveLength(2);
    for (const item of stability?.items ?? []) {
      // Three different draws of one prompt: not all the same length.
      expect(new Set(item.lengths).size, String(item.line)).toBeGreaterThan(1);
      const mean = item.lengths.reduce((sum, words) => sum + words, 0) / 3;
      const deviation = Math.sqrt(
        item.lengths.reduce((sum, words) => sum + (words - mean) ** 2, 0) / 3,
      );
      expect(item.cv).toBeCloseTo(deviation / mean, 12);
    }
    expect(stability?.meanCv).toBeCloseTo(
      ((stability?.items[0]?.cv ?? 0) + (stability?.items[1]?.cv ?? 0)) / 2,
      12,
    );
    expect(result.summary.overall.items).toBe(6);
    const single = await runLongbench({
      items: longbenchItems().slice(0, 2),
      mode: 'direct',
      model: simModel('sim:noise=0.3'),
      config: benchConfig,
      outDir: await tempDir(),
    });
    expect(single.summary.stability).toBeNull();
    // Sample 1 is the unseeded answer: the same as a run without samples.
    expect(single.results[0]?.response).toBe(result.results[0]?.response);
  });
});
