import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLongbenchPredictions } from '../../../src/bench/longbench/read-longbench-predictions.js';
import { runLongbench } from '../../../src/bench/longbench/run-longbench.js';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { countWords } from '../../../src/evaluators/count-words.js';
import { realOutputs } from '../../helpers/real-outputs.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { benchConfig } from '../helpers/bench-models.js';

const tempDir = useTempDir();
const longbench = realOutputs('longbench-write');

interface PublishedRuns {
  runs: Array<{ file: string; rows: number; published_sl_mean: number }>;
}

const row = (prompt: string, length: number, response: string) =>
  JSON.stringify({ prompt, type: 'News Report', length, response });

describe('readLongbenchPredictions', () => {
  it('keeps every line, a repeated prompt and a blank answer included, and scores a blank 0', async () => {
    const cwd = await tempDir();
    const lines = [
      row('Write 100 words on tides.', 100, 'word '.repeat(100)),
      row('Write 100 words on tides.', 100, 'word '.repeat(50)),
      row('写一篇200字的短文。', 200, ''),
    ];
    await writeFile(join(cwd, 'preds_run.jsonl'), `${lines.join('\n')}\n`);
    const { model, items } = await readLongbenchPredictions({ path: 'preds_run.jsonl', cwd });
    expect(model).toBe('preds_run');
    expect(items.map((item) => item.line)).toEqual([1, 2, 3]);
    expect(new Set(items.map((item) => item.id)).size).toBe(3);
    const { results, summary } = await runLongbench({
      items,
      mode: 'predictions',
      model: { spec: model },
      config: benchConfig,
      outDir: await tempDir(),
    });
    expect(results.map((result) => [result.S_l, result.usage.calls, result.mode])).toEqual([
      [100, 0, 'predictions'],
      [50, 0, 'predictions'],
      [0, 0, 'predictions'],
    ]);
    expect(summary.overall.lengthScore).toBeCloseTo(50, 12);
  });

  it('refuses a line without a response, naming it', async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, 'preds.jsonl'),
      `${row('a', 100, 'x')}\n${JSON.stringify({ prompt: 'b', type: 't', length: 100 })}\n`,
    );
    const error = await readLongbenchPredictions({ path: 'preds.jsonl', cwd }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as Error).message).toMatch(/line 2/);
  });
});

describe.skipIf(!longbench.present)(
  'LongBench-Write S_l on published runs (../shared/data/real-outputs/longbench-write)',
  () => {
    it('reproduces the published S_l mean of each run, and the source’s own word counts', async () => {
      const { runs } = JSON.parse(
        await readFile(longbench.path('published.json'), 'utf8'),
      ) as PublishedRuns;
      expect(runs).toHaveLength(3);
      for (const run of runs) {
        const path = longbench.path(run.file.replace(/^longbench-write\//, ''));
        const { model, items } = await readLongbenchPredictions({ path });
        expect(items, run.file).toHaveLength(run.rows);
        const { summary, results } = await runLongbench({
          items,
          mode: 'predictions',
          model: { spec: model },
          config: benchConfig,
          outDir: await tempDir(),
        });
        expect(
          Math.abs((summary.overall.lengthScore ?? 0) - run.published_sl_mean),
          run.file,
        ).toBeLessThan(1e-9);
        // Every answer's length is the one the source computed with its own counter.
        const stored = (await readFile(path, 'utf8'))
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { response: string; response_length: number });
        expect(results.map((result) => result.response_length)).toEqual(
          stored.map((line) => line.response_length),
        );
        expect(stored.map((line) => countWords(line.response))).toEqual(
          stored.map((line) => line.response_length),
        );
      }
    }, 120_000);
  },
);
