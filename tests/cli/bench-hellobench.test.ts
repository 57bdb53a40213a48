import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HellobenchResultSchema } from '../../src/bench/hellobench/hellobench-result-schema.js';
import type { HellobenchSummary } from '../../src/bench/hellobench/summarise-hellobench.js';
import { checkLengthGate } from '../../src/evaluators/length-gate.js';
import { writeHellobenchFolder } from '../bench/helpers/hellobench-rows.js';
import { expectInputError, runMain } from '../bench/helpers/run-main.js';
import { runCli as spawnCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const root = fileURLToPath(new URL('../../', import.meta.url));
const realData = join(root, '../shared/data/hellobench');

/**
 * A folder holding a small HelloBench copy as hb/ (3 tasks at each length; chat and QA). It sits
 * inside the test's own temp folder, so the default `../shared/data/hellobench` is looked up there
 * and never beside the system temp folder.
 */
async function withData(): Promise<string> {
  const cwd = join(await tempDir(), 'work');
  await mkdir(cwd);
  await writeHellobenchFolder({ root: join(cwd, 'hb') });
  return cwd;
}

/** The built CLI, with room for a busy machine. */
const runCli = (input: Parameters<typeof spawnCli>[0]) =>
  spawnCli({ timeoutMs: 170_000, ...input });

/**
 * The CLI in this process, for the runs whose process is not what is tested: a Node start and
 * module load per run cost more than a small benchmark on the sim.
 */
const quire = ({ args, cwd }: { args: string[]; cwd: string }) => runMain({ argv: args, cwd });

const groupRows = (stdout: string, first: RegExp) =>
  stdout.split('\n').filter((line) => first.test(line));

const readSummary = async (folder: string) =>
  JSON.parse(await readFile(join(folder, 'summary.json'), 'utf8')) as {
    summary: HellobenchSummary & { subset: string; lengths: string[] | null };
    judge: string | null;
  };

describe('quire bench hellobench', { timeout: 180_000 }, () => {
  it('runs with a judge, prints the length table, writes results and summaries, and resumes', async () => {
    const cwd = await withData();
    const args = [
      'bench',
      'hellobench',
      '--data',
      'hb',
      '--lengths',
      '2k,8k',
      '--mode',
      'direct',
      '--limit',
      '4',
      '--model',
      'sim',
      '--judge',
      'sim',
      '--out',
      'out',
    ];
    const result = await quire({ args, cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '## HelloBench · length-constrained · direct mode · sim · 4 items',
    );
    expect(
      groupRows(result.stdout, /^\| (2k|8k|overall) /).map((line) => line.split('|')[1]?.trim()),
    ).toEqual(['2k', '8k', 'overall']);
    expect(result.stdout).toMatch(
      /HelloEval \(0–100\): judge sim, checklist levels combined with HelloBench's published/,
    );
    expect(result.stderr).toContain('quire: note: the judge is the simulated model');
    expect(result.stderr).toMatch(
      /^\[\d\/4\] heuristic_text_generation_00\d-(2k|8k) · .* · HelloEval \d+\.\d · /m,
    );
    const lines = (await readFile(join(cwd, 'out', 'results.jsonl'), 'utf8')).trim().split('\n');
    const parsed = lines.map((line) => HellobenchResultSchema.parse(JSON.parse(line)));
    expect(parsed.map((line) => line.group).sort()).toEqual(['2k', '2k', '8k', '8k']);
    expect(parsed.every((line) => line.helloEval?.weighting === 'published')).toBe(true);
    // The folder is released at the end, so a later run in this same process may take it.
    expect(await readdir(join(cwd, 'out'))).not.toContain('quire.lock');
    const { summary, judge } = await readSummary(join(cwd, 'out'));
    expect(judge).toBe('sim');
    expect(summary).toMatchObject({ subset: 'length-constrained', lengths: ['2k', '8k'] });
    expect(summary.overall).toMatchObject({ items: 4, judged: 4, weighting: 'published' });

    const again = await quire({ args: [...args, '--json'], cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('quire: 4 item(s), 4 already done, 0 to run.');
    expect(JSON.parse(again.stdout)).toMatchObject({
      benchmark: 'hellobench',
      skipped: 4,
      scored: 4,
    });
  });

  it('the main set without a judge: by task type, length only, and says so', async () => {
    const cwd = await withData();
    const result = await quire({
      args: [
        'bench',
        'hellobench',
        '--data',
        'hb',
        '--subset',
        'main',
        '--mode',
        'direct',
        '--limit',
        '2',
        '--model',
        'sim',
        '--out',
        'main',
      ],
      cwd,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(groupRows(result.stdout, /^\| (open_ended_qa|chat|overall) /)).toHaveLength(3);
    expect(result.stdout).toContain(
      'HelloEval is blank: no judge was given, so this table measures length only',
    );
    expect(result.stdout).toContain('No instruction here states a length');
    expect(result.stderr).toContain(
      'quire: note: hb has no file for summarization, text_completion, heuristic_text_generation; those task types are left out.',
    );
  });

  it('a suite’s thresholds: the lowest group’s share in the gate decides, exit 1 when missed', async () => {
    const cwd = await withData();
    await mkdir(join(cwd, 'evals'));
    const suite = {
      name: 'tiny',
      description: 'Two lengths, length only.',
      benchmark: 'hellobench',
      data: 'hb',
      lengths: ['2k', '4k'],
      limit: 2,
      evaluators: ['length'],
      thresholds: { lengthScore: 90, inGate: 1 },
    };
    await writeFile(join(cwd, 'evals', 'tiny.json'), JSON.stringify(suite));
    const args = ['bench', 'hellobench', '--suite', 'evals/tiny.json', '--model', 'sim'];
    const direct = await quire({ args: [...args, '--mode', 'direct', '--out', 'direct'], cwd });
    expect(direct.code).toBe(1);
    expect(direct.stdout).toMatch(/- in gate \(lowest group\) 0\.0 \(≥ 1\): FAIL/);
    expect(direct.stderr.trim().split('\n').at(-1)).toMatch(
      /^quire: Suite tiny missed 2 threshold\(s\)/,
    );
    const inQuireMode = await quire({ args: [...args, '--out', 'quire'], cwd });
    expect(inQuireMode.code, inQuireMode.stderr).toBe(0);
    expect(inQuireMode.stdout).toMatch(/- in gate \(lowest group\) 1\.0 \(≥ 1\): pass/);
  });

  describe('refuses bad input in one line, exit 2, writing nothing', () => {
    it.each([
      [['--data', 'none'], /HelloBench data folder none does not exist: pass --data <folder>/],
      [[], /No HelloBench data: \.\.\/shared\/data\/hellobench is not there; pass --data <folder>/],
      [['--data', 'hb', '--subset', 'all'], /Allowed choices are main, length-constrained/],
      [
        ['--data', 'hb', '--lengths', '3k'],
        /--lengths takes some of 2k, 4k, 8k, 16k separated by commas, got "3k"/,
      ],
      [
        ['--data', 'hb', '--subset', 'main', '--lengths', '2k'],
        /--lengths applies to --subset length-constrained only/,
      ],
      [['--data', 'hb', '--mode', 'fast'], /Allowed choices are direct, quire/],
      [['--data', 'hb', '--limit', '0'], /--limit must be a positive whole number/],
      [['--data', 'hb', '--model', 'openai:gpt-4o-mini'], /No API key for model/],
      [['--data', 'hb', '--judge', 'nope:x'], /Unknown model "nope:x"/],
    ])('%j', async (flags, message) => {
      await expectInputError({
        args: ['bench', 'hellobench', ...flags],
        cwd: await withData(),
        message,
      });
    });

    it('a length whose file is missing, by its path', async () => {
      const cwd = await tempDir();
      await writeHellobenchFolder({ root: join(cwd, 'hb'), lengths: ['2k'] });
      await expectInputError({
        args: ['bench', 'hellobench', '--data', 'hb', '--model', 'sim'],
        cwd,
        message:
          /HelloBench data file hb\/data\/length_constrained_data\/heuristic_text_generation_4k\.jsonl does not exist/,
      });
    });

    it('a suite of another benchmark', async () => {
      await expectInputError({
        args: [
          'bench',
          'hellobench',
          '--suite',
          join(root, 'evals/sgt-generated.json'),
          '--model',
          'sim',
        ],
        cwd: await withData(),
        message: /is for sgt, not hellobench/,
      });
    });
  });

  it.skipIf(!existsSync(realData))(
    'on sim, one task at each of the four lengths: quire stays within the length gate at every length, direct falls short from 4k',
    { timeout: 600_000 },
    async () => {
      const cwd = await tempDir();
      const run = (mode: string) =>
        runCli({
          args: [
            'bench',
            'hellobench',
            '--data',
            realData,
            '--subset',
            'length-constrained',
            '--model',
            'sim',
            '--mode',
            mode,
            '--limit',
            '4',
            '--out',
            mode,
          ],
          cwd,
          timeoutMs: 290_000,
        });
      const [quire, direct] = [await run('quire'), await run('direct')];
      for (const result of [quire, direct]) {
        expect(result.code, result.stderr).toBe(0);
        expect(
          groupRows(result.stdout, /^\| (2k|4k|8k|16k|overall) /).map((line) =>
            line.split('|')[1]?.trim(),
          ),
        ).toEqual(['2k', '4k', '8k', '16k', 'overall']);
        expect(result.stdout).toContain('this table measures length only');
      }
      const quireSummary = (await readSummary(join(cwd, 'quire'))).summary;
      const directSummary = (await readSummary(join(cwd, 'direct'))).summary;
      expect(
        quireSummary.byGroup.map((group) => [group.group, group.items, group.withinGate]),
      ).toEqual([
        ['2k', 1, 1],
        ['4k', 1, 1],
        ['8k', 1, 1],
        ['16k', 1, 1],
      ]);
      const results = (await readFile(join(cwd, 'quire', 'results.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => HellobenchResultSchema.parse(JSON.parse(line)));
      for (const result of results) {
        // Judged by the shared gate itself, not by the stored verdict alone.
        const gate = checkLengthGate({
          produced: result.response_length,
          required: result.required ?? 0,
        });
        expect(gate.status, `${result.id}: ${result.response_length} words`).toBe('within');
      }
      expect(directSummary.byGroup.map((group) => group.withinGate)).toEqual([1, 0, 0, 0]);
      expect(directSummary.byGroup[3]?.lengthScore).toBe(0);
      expect(quireSummary.overall.lengthScore).toBeGreaterThan(95);
    },
  );
});
