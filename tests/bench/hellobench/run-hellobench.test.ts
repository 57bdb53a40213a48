import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HellobenchResultSchema } from '../../../src/bench/hellobench/hellobench-result-schema.js';
import { runHellobench } from '../../../src/bench/hellobench/run-hellobench.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import {
  benchConfig,
  failingModel,
  refusingModel,
  simModel,
  steadyChecklistJudge,
} from '../helpers/bench-models.js';
import { hellobenchItem } from '../helpers/hellobench-rows.js';

const tempDir = useTempDir();
const lengths = ['2k', '4k', '8k', '16k'];

async function resultLines(outDir: string) {
  const text = await readFile(join(outDir, 'results.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => HellobenchResultSchema.parse(JSON.parse(line)));
}

describe('runHellobench', { timeout: 120_000 }, () => {
  it('direct mode with a scripted judge: length against the instruction, HelloEval per answer', async () => {
    const outDir = await tempDir();
    const items = [hellobenchItem({ length: '2k' }), hellobenchItem({ length: '8k' })];
    const result = await runHellobench({
      items,
      groups: lengths,
      mode: 'direct',
      model: simModel(),
      config: benchConfig,
      judge: steadyChecklistJudge(0.75),
      outDir,
    });
    expect(result).toMatchObject({ skipped: 0, failures: [], interrupted: false });
    const [short, long] = await resultLines(outDir);
    expect(short).toMatchObject({ group: '2k', required: 2000, lengthGate: 'within' });
    expect(short?.S_l).toBeGreaterThan(90);
    // sim writes at most 2,000 words a call: 8,000 asked scores 0 and misses the gate.
    expect(long).toMatchObject({ group: '8k', required: 8000, lengthGate: 'short', S_l: 0 });
    for (const line of [short, long]) {
      expect(line?.usage.calls).toBe(1);
      expect(line?.helloEval).toMatchObject({
        judge: 'mock-judge',
        status: 'scored',
        weighting: 'published',
      });
      expect(line?.helloEval?.score).toBeCloseTo(75, 10);
      expect(line?.helloEval?.items).toHaveLength(5);
    }
    expect(result.summary.byGroup.map((group) => group.withinGate)).toEqual([1, 0, 0, 0]);
    expect(result.summary.overall.helloEval).toBeCloseTo(75, 10);
  });

  it('quire mode: the pipeline per item in runs/<id>, with the stated length as target, within the gate', async () => {
    const outDir = await tempDir();
    const items = [hellobenchItem({ length: '2k' }), hellobenchItem({ length: '4k' })];
    const result = await runHellobench({
      items,
      groups: lengths,
      mode: 'quire',
      model: simModel(),
      config: benchConfig,
      outDir,
    });
    expect(result.failures).toEqual([]);
    for (const line of result.results) {
      expect(line.runDirectory).toBe(join(outDir, 'runs', line.id));
      const info = JSON.parse(await readFile(join(line.runDirectory ?? '', 'run.json'), 'utf8'));
      expect(info.task.words).toBe(line.required);
      expect(line.lengthGate, line.id).toBe('within');
      expect(line.helloEval).toBeNull();
      expect(line.usage.calls).toBeGreaterThan(1);
    }
  });

  it('skips the items already in results.jsonl, asking the model nothing', async () => {
    const outDir = await tempDir();
    const items = [hellobenchItem({ index: 0 }), hellobenchItem({ index: 1 })];
    const run = (model: ReturnType<typeof simModel>) =>
      runHellobench({ items, groups: lengths, mode: 'direct', model, config: benchConfig, outDir });
    await run(simModel());
    const again = await run(refusingModel());
    expect(again).toMatchObject({ skipped: 2, failures: [] });
    expect(again.results).toHaveLength(2);
    expect(await resultLines(outDir)).toHaveLength(2);
  });

  it('records a failed item, keeps the others, and retries only it on the next run', async () => {
    const outDir = await tempDir();
    const items = [0, 1, 2].map((index) => hellobenchItem({ index }));
    const run = (model: ReturnType<typeof simModel>) =>
      runHellobench({ items, groups: lengths, mode: 'direct', model, config: benchConfig, outDir });
    const first = await run(failingModel({ failOn: 'harbour number 1' }));
    expect(first.failures.map((failure) => failure.id)).toEqual([items[1]?.id]);
    expect(first.results).toHaveLength(2);
    const second = await run(simModel());
    expect(second).toMatchObject({ skipped: 2, failures: [] });
    expect(second.results.map((result) => result.id)).toEqual(items.map((item) => item.id));
  });
});
