import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SgtTaskFileSchema } from '../../src/bench/sgt/sgt-task-file-schema.js';
import type { SgtSummary } from '../../src/bench/sgt/summarise-sgt.js';
import { expandConstraints } from '../../src/evaluators/constraints/expand-constraints.js';
import { PlanSchema } from '../../src/planner/plan-schema.js';
import { expectInputError, runMain } from '../bench/helpers/run-main.js';
import { realOutputs } from '../helpers/real-outputs.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const realSgt = realOutputs('sgt');

describe('quire bench sgt', () => {
  it('--generate 4 --seed 1, then quire mode on sim: CR 100, and every constraint reaches its section', async () => {
    const cwd = await tempDir();
    const generated = await runCli({
      args: ['bench', 'sgt', '--generate', '4', '--seed', '1', '--out', 'tasks'],
      cwd,
    });
    expect(generated.code, generated.stderr).toBe(0);
    const path = join(cwd, 'tasks', 'sgt-tasks-n4-seed1.json');
    expect(generated.stdout).toMatch(
      new RegExp(
        `^Wrote 4 SGT-style task\\(s\\) \\(diary, menu, floors, city-grid; \\d+–\\d+ segments, \\d+ checks\\) to ${path}\\n`,
      ),
    );
    expect(generated.stdout).toContain(
      `Run them with: quire bench sgt --data ${path} --model <spec>`,
    );
    const file = SgtTaskFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));

    const run = await runCli({
      args: ['bench', 'sgt', '--data', path, '--model', 'sim', '--mode', 'quire', '--out', 'run'],
      cwd,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('## SGT · quire mode · sim · 4 tasks');
    for (const scenario of ['diary', 'menu', 'floors', 'city-grid', 'overall']) {
      expect(run.stdout, scenario).toMatch(
        new RegExp(`\\| ${scenario} +\\| +\\d+ \\| +\\d+ \\| 100\\.0 \\|`),
      );
    }
    const { summary } = JSON.parse(await readFile(join(cwd, 'run', 'summary.json'), 'utf8')) as {
      summary: SgtSummary;
    };
    expect(summary.overall.cr).toBe(1);

    for (const task of file.tasks) {
      const plan = PlanSchema.parse(
        JSON.parse(await readFile(join(cwd, 'run', 'runs', task.id, 'plan.json'), 'utf8')),
      );
      const bySegment = new Map(
        plan.sections
          .filter((section) => !section.continuation)
          .map((section) => [section.segment, section]),
      );
      expect(bySegment.size, task.id).toBe(task.constraints.segments);
      for (const check of expandConstraints(task.constraints)) {
        const section = bySegment.get(check.segment);
        expect(section?.title).toBe(`${task.constraints.unit} ${check.segment}`);
        expect(
          section?.constraints.map((due) => due.text),
          `${task.id}: ${check.event} in ${check.segment}`,
        ).toContain(check.event);
      }
      // And nothing lands where it was not asked for.
      const asked = new Set(
        expandConstraints(task.constraints).map((check) => `${check.segment}:${check.event}`),
      );
      for (const section of bySegment.values()) {
        for (const due of section.constraints)
          expect(asked.has(`${section.segment}:${due.text}`)).toBe(true);
      }
    }
    // Slow: a generated suite written end to end through the CLI; 92 s alone at a load average of 19.
  }, 360_000);

  it('runs a suite with generated tasks and no data file', async () => {
    const cwd = await tempDir();
    const suite = join(process.cwd(), 'evals', 'sgt-generated.json');
    const result = await runCli({
      args: [
        'bench',
        'sgt',
        '--suite',
        suite,
        '--limit',
        '1',
        '--model',
        'sim',
        '--mode',
        'direct',
        '--out',
        'run',
        '--json',
      ],
      cwd,
    });
    // On sim a direct answer has no "## Week N" headings: CR is far below the suite's 1.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /quire: Suite sgt-generated missed 1 threshold\(s\): CR 0\.\d+ < 1/,
    );
    const json = JSON.parse(result.stdout) as {
      data: string;
      scored: number;
      thresholds: Array<{ metric: string; status: string }>;
    };
    expect(json).toMatchObject({ data: 'generated (count 8, seed 1)', scored: 1 });
    expect(json.thresholds.map((each) => [each.metric, each.status])).toEqual([
      ['CR', 'fail'],
      // No segment was found, so there was nowhere for an event to leak into.
      ['leakage', 'notMeasured'],
    ]);
  });

  it.skipIf(!realSgt.present)(
    '--predictions reproduces the published CR of a real run (../shared/data/real-outputs/sgt)',
    async () => {
      const cwd = await tempDir();
      const published = JSON.parse(await readFile(realSgt.path('published.json'), 'utf8')) as {
        published: { cr_percent: number };
      };
      const result = await runMain({
        argv: [
          'bench',
          'sgt',
          '--predictions',
          realSgt.path('Qwen_1000_h2o.json'),
          '--out',
          'run',
          '--json',
        ],
        cwd,
      });
      expect(result.code, result.stderr).toBe(0);
      const json = JSON.parse(result.stdout) as {
        mode: string;
        model: string;
        summary: SgtSummary;
      };
      expect(json).toMatchObject({ mode: 'predictions', model: 'Qwen_1000_h2o' });
      expect(
        Math.abs(json.summary.overall.cr! * 100 - published.published.cr_percent),
      ).toBeLessThan(0.01);
      expect(json.summary.headers).toBe('sgt');
      const markdown = await readFile(join(cwd, 'run', 'summary.md'), 'utf8');
      expect(markdown).toContain('## SGT · predictions mode · Qwen_1000_h2o · 40 tasks');
      expect(markdown).toContain('decided by the judge verdicts stored with the answers');
    },
    120_000,
  );

  describe('refuses bad input in one line, exit 2, writing nothing', () => {
    it.each([
      [
        ['--predictions', 'p.json', '--data', 'x.json'],
        /--predictions scores answers already written and cannot be combined with --data/,
      ],
      [['--predictions', 'none.json'], /SGT predictions file none\.json does not exist/],
      [['--rejudge', '--data', 'x.json'], /--rejudge only applies with --predictions <file>/],
      [['--headers', 'loose', '--data', 'x.json'], /--headers.*loose/],
      [['--model', 'sim'], /quire bench sgt needs tasks: --data <file>/],
      [['--data', 'none.json'], /SGT data file none\.json does not exist/],
      [['--seed', '3', '--data', 'x.json'], /--seed only applies with --generate N/],
      [
        ['--generate', '2', '--data', 'x.json'],
        /--generate writes new tasks and cannot be combined with --data/,
      ],
      [['--generate', '0'], /--generate must be a positive whole number/],
    ])('%j', async (flags, message) => {
      await expectInputError({ args: ['bench', 'sgt', ...flags], cwd: await tempDir(), message });
    });

    it('a scenario the file does not have, listing those it has', async () => {
      const cwd = await tempDir();
      expect(
        (await runMain({ argv: ['bench', 'sgt', '--generate', '2', '--out', '.'], cwd })).code,
      ).toBe(0);
      await expectInputError({
        args: [
          'bench',
          'sgt',
          '--data',
          'sgt-tasks-n2-seed1.json',
          '--scenario',
          'Week',
          '--model',
          'sim',
        ],
        cwd,
        message:
          /No task of scenario "Week" in sgt-tasks-n2-seed1\.json; its scenarios are: diary, menu\./,
      });
    });

    it('a generated file edited by hand', async () => {
      const cwd = await tempDir();
      expect(
        (await runMain({ argv: ['bench', 'sgt', '--generate', '1', '--out', '.'], cwd })).code,
      ).toBe(0);
      const path = join(cwd, 'sgt-tasks-n1-seed1.json');
      const file = JSON.parse(await readFile(path, 'utf8'));
      file.tasks[0].constraints.constraints[0].segment = 2;
      await writeFile(path, JSON.stringify(file));
      await expectInputError({
        args: ['bench', 'sgt', '--data', 'sgt-tasks-n1-seed1.json', '--model', 'sim'],
        cwd,
        message: /its check sets disagree with its constraints/,
      });
    });
  });
});
