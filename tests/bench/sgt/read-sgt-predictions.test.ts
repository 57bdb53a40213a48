import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSgtPredictions } from '../../../src/bench/sgt/read-sgt-predictions.js';
import { runSgt } from '../../../src/bench/sgt/run-sgt.js';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { evaluateConstraints } from '../../../src/evaluators/constraints/evaluate-constraints.js';
import { realOutputs } from '../../helpers/real-outputs.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { benchConfig } from '../helpers/bench-models.js';

const tempDir = useTempDir();
const sgt = realOutputs('sgt');

interface Published {
  published: {
    cr_percent: number;
    accuracy_once: number;
    accuracy_range: number;
    accuracy_periodic: number;
  };
  derived_from_stored_verdicts: {
    judged_checks: number;
    yes: number;
    per_type: Record<'once' | 'range' | 'periodic', { judged: number; yes: number }>;
  };
}

/** One predictions item in SGT's shape, made up for the test. */
function prediction(overrides: Record<string, unknown> = {}) {
  return {
    input: 'Write a logbook, one entry per day.',
    checks_once: { '2': 'a lost umbrella' },
    checks_range: {},
    checks_periodic: { '1': 'a safety drill', '3': 'a safety drill' },
    type: 'Day',
    number: 3,
    output_blocks: [
      '',
      ' Day 1: a safety drill at dawn.\n',
      ' Day  2: an umbrella was lost.\n',
      ' day 3: calm.\n',
    ],
    ...overrides,
  };
}

async function writePredictions(items: unknown[]): Promise<{ cwd: string; path: string }> {
  const cwd = await tempDir();
  const path = 'Some_model_run.json';
  await writeFile(join(cwd, path), JSON.stringify(items));
  return { cwd, path };
}

describe('readSgtPredictions', () => {
  it('joins the blocks back with #*#, keeps the stored verdicts, names the run after the file', async () => {
    const { cwd, path } = await writePredictions([
      prediction({ results_once: {}, results_periodic: { '1': 'Yes.', '3': 'no' } }),
    ]);
    const { model, tasks } = await readSgtPredictions({ path, cwd });
    expect(model).toBe('Some_model_run');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.response).toBe(
      '#*# Day 1: a safety drill at dawn.\n#*# Day  2: an umbrella was lost.\n#*# day 3: calm.\n',
    );
    expect(tasks[0]?.constraints).toMatchObject({ unit: 'Day', separator: '#*#', segments: 3 });
    expect([...(tasks[0]?.verdicts ?? [])]).toEqual([
      ['periodic:1', 'yes'],
      ['periodic:3', 'no'],
    ]);
  });

  it("scores by SGT's header rule: one space and the case as given, or leniently when asked", async () => {
    const { cwd, path } = await writePredictions([prediction()]);
    const { model, tasks } = await readSgtPredictions({ path, cwd });
    const score = async (headers: 'sgt' | 'lenient') =>
      runSgt({
        tasks,
        mode: 'predictions',
        model: { spec: model },
        config: benchConfig,
        outDir: await tempDir(),
        headers,
      });
    const exact = await score('sgt');
    expect(exact.results[0]).toMatchObject({ cr: 1 / 3, headers: 'sgt', mode: 'predictions' });
    const lenient = await score('lenient');
    expect(lenient.results[0]).toMatchObject({ cr: 1, headers: 'lenient' });
    expect(lenient.summary.headers).toBe('lenient');
  });

  it('refuses a file that is not a list of SGT items with answers, naming what is missing', async () => {
    const { cwd, path } = await writePredictions([prediction({ output_blocks: undefined })]);
    const error = await readSgtPredictions({ path, cwd }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as Error).message).toContain('needs the answer, as "output_blocks"');
  });
});

describe.skipIf(!sgt.present)(
  'SGT scoring on a published run (../shared/data/real-outputs/sgt)',
  () => {
    const load = async () => ({
      ...(await readSgtPredictions({ path: sgt.path('Qwen_1000_h2o.json') })),
      published: JSON.parse(await readFile(sgt.path('published.json'), 'utf8')) as Published,
    });

    it('reproduces the published CR, and with the stored verdicts the published accuracies', async () => {
      const { model, tasks, published } = await load();
      const { summary, results } = await runSgt({
        tasks,
        mode: 'predictions',
        model: { spec: model },
        config: benchConfig,
        outDir: await tempDir(),
      });
      expect(results).toHaveLength(40);
      expect(Math.abs(summary.overall.cr! * 100 - published.published.cr_percent)).toBeLessThan(
        0.01,
      );
      // The checks SGT's judge saw are exactly those whose segment quire found.
      const derived = published.derived_from_stored_verdicts;
      for (const type of ['once', 'range', 'periodic'] as const) {
        expect(summary.overall.byType[type].present, type).toBe(derived.per_type[type].judged);
        expect(summary.overall.byType[type].satisfied, type).toBe(derived.per_type[type].yes);
      }
      expect(summary.overall.byType.once.stic1).toBeCloseTo(published.published.accuracy_once, 12);
      expect(summary.overall.byType.range.stic1).toBeCloseTo(
        published.published.accuracy_range,
        12,
      );
      expect(summary.overall.byType.periodic.stic1).toBeCloseTo(
        published.published.accuracy_periodic,
        12,
      );
      expect(summary.overall.stored).toBe(derived.judged_checks);
      expect(summary.overall.undecided).toBe(0);
    }, 120_000);

    it("quire eval's constraint check gives each answer alone the same CR", async () => {
      const { tasks, published } = await load();
      let total = 0;
      for (const task of tasks) {
        const { constraints } = await evaluateConstraints({
          text: task.response ?? '',
          constraints: task.constraints,
        });
        total += constraints.cr;
      }
      expect(Math.abs((total / tasks.length) * 100 - published.published.cr_percent)).toBeLessThan(
        0.01,
      );
    }, 120_000);

    it('reads the three answers with two-space headers leniently only when asked, and says so', async () => {
      const { model, tasks, published } = await load();
      const lenient = await runSgt({
        tasks,
        mode: 'predictions',
        model: { spec: model },
        config: benchConfig,
        outDir: await tempDir(),
        headers: 'lenient',
      });
      expect(lenient.summary.headers).toBe('lenient');
      expect(lenient.summary.overall.cr! * 100).toBeGreaterThan(
        published.published.cr_percent + 0.5,
      );
    }, 120_000);
  },
);
