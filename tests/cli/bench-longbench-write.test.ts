import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LongbenchResultSchema } from '../../src/bench/longbench/longbench-result-schema.js';
import type { LongbenchSummary } from '../../src/bench/longbench/summarise-longbench.js';
import { longbenchJsonl } from '../bench/helpers/longbench-rows.js';
import { expectInputError, runMain } from '../bench/helpers/run-main.js';
import { realOutputs } from '../helpers/real-outputs.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const realLongbench = realOutputs('longbench-write');
const root = fileURLToPath(new URL('../../', import.meta.url));
const realData = join(root, '../shared/data/longbench-write/longbench_write.jsonl');

/**
 * A working directory one level inside a fresh temp folder: the default data path,
 * `../shared/data/…`, then resolves inside that folder, never to whatever sits next to the
 * system temp folder.
 */
async function workDir(): Promise<string> {
  const cwd = join(await tempDir(), 'work');
  await mkdir(cwd);
  return cwd;
}

/** A working directory holding the 8-row fixture as data.jsonl. */
async function withData(): Promise<string> {
  const cwd = await workDir();
  await writeFile(join(cwd, 'data.jsonl'), longbenchJsonl());
  return cwd;
}

const bucketRows = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => /^\| (\[|overall)/.test(line))
    .map((line) => line.split('|')[1]?.trim());

describe('quire bench longbench-write', () => {
  it('runs, prints the bucket table, writes results and summaries, and resumes', async () => {
    const cwd = await withData();
    const args = [
      'bench',
      'longbench-write',
      '--data',
      'data.jsonl',
      '--mode',
      'direct',
      '--limit',
      '4',
      '--model',
      'sim',
      '--out',
      'out',
    ];
    const result = await runCli({ args, cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(bucketRows(result.stdout).slice(0, 5)).toEqual([
      '[0,500)',
      '[500,2000)',
      '[2000,4000)',
      '[4000,20000]',
      'overall',
    ]);
    expect(result.stdout).toContain('## LongBench-Write · direct mode · sim · 4 items');
    expect(result.stdout).toContain('S_q and S are blank: no judge was given');
    expect(result.stderr).toContain('quire: 4 item(s), 4 to run.');
    expect(result.stderr.match(/^\[\d\/4\] [0-9a-f]{16} · /gm)).toHaveLength(4);
    const results = (await readFile(join(cwd, 'out', 'results.jsonl'), 'utf8')).trim().split('\n');
    expect(
      results.map((line) => LongbenchResultSchema.parse(JSON.parse(line)).bucket).sort(),
    ).toEqual(['[0,500)', '[2000,4000)', '[4000,20000]', '[500,2000)']);
    expect(await readFile(join(cwd, 'out', 'summary.md'), 'utf8')).toContain('| overall');

    // The run again in this process: what it skips is tested, the process was above.
    const again = await runMain({ argv: [...args, '--json'], cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('quire: 4 item(s), 4 already done, 0 to run.');
    const json = JSON.parse(again.stdout) as {
      skipped: number;
      scored: number;
      summary: LongbenchSummary;
    };
    expect(json).toMatchObject({ skipped: 4, scored: 4 });
    expect(json.summary.byBucket.map((group) => group.items)).toEqual([1, 1, 1, 1]);
  }, 120_000);

  it('finds the default data in ../shared/data beside the working directory', async () => {
    const cwd = await workDir();
    const folder = join(cwd, '..', 'shared', 'data', 'longbench-write');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'longbench_write.jsonl'), longbenchJsonl());
    const args = ['bench', 'longbench-write', '--mode', 'direct', '--limit', '1', '--model', 'sim'];
    const result = await runCli({ args: [...args, '--out', 'out', '--json'], cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      data: '../shared/data/longbench-write/longbench_write.jsonl',
      scored: 1,
    });
  });

  it('refuses to mix another mode into the same --out', async () => {
    const cwd = await withData();
    const base = [
      'bench',
      'longbench-write',
      '--data',
      'data.jsonl',
      '--limit',
      '1',
      '--model',
      'sim',
      '--out',
      'out',
    ];
    expect((await runMain({ argv: [...base, '--mode', 'direct'], cwd })).code).toBe(0);
    await expectInputError({
      args: [...base, '--mode', 'quire'],
      cwd,
      message: /--out out holds results of mode direct, not mode quire: choose another --out/,
    });
  });

  it('--samples 3 answers each item three times and prints the length stability table', async () => {
    const cwd = await withData();
    const result = await runMain({
      argv: [
        'bench',
        'longbench-write',
        '--data',
        'data.jsonl',
        '--mode',
        'direct',
        '--limit',
        '2',
        '--samples',
        '3',
        '--model',
        'sim:noise=0.3',
        '--out',
        'out',
        '--json',
      ],
      cwd,
    });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { scored: number; summary: LongbenchSummary };
    expect(json.scored).toBe(6);
    expect(json.summary.stability?.items.map((item) => item.lengths.length)).toEqual([3, 3]);
    expect(json.summary.stability?.meanCv).toBeGreaterThan(0);
    const markdown = await readFile(join(cwd, 'out', 'summary.md'), 'utf8');
    expect(markdown).toContain('### Length stability · 3 samples per item');
    expect(markdown).toMatch(/Coefficient of variation .* mean over 2 items 0\.\d{3}/);
  });

  it.skipIf(!realLongbench.present)(
    '--predictions reproduces the published S_l mean of a real run (../shared/data/real-outputs/longbench-write)',
    async () => {
      const { runs } = JSON.parse(await readFile(realLongbench.path('published.json'), 'utf8')) as {
        runs: Array<{ file: string; published_sl_mean: number }>;
      };
      const run = runs[1]!;
      const cwd = await tempDir();
      const result = await runMain({
        argv: [
          'bench',
          'longbench-write',
          '--predictions',
          realLongbench.path(run.file.replace(/^longbench-write\//, '')),
          '--out',
          'out',
          '--json',
        ],
        cwd,
      });
      expect(result.code, result.stderr).toBe(0);
      const json = JSON.parse(result.stdout) as { mode: string; summary: LongbenchSummary };
      expect(json.mode).toBe('predictions');
      expect(
        Math.abs((json.summary.overall.lengthScore ?? 0) - run.published_sl_mean),
      ).toBeLessThan(0.01);
      expect(result.stderr).not.toContain('simulated model');
    },
    120_000,
  );

  describe('refuses bad input in one line, exit 2, writing nothing', () => {
    it.each([
      [
        ['--predictions', 'p.jsonl', '--mode', 'direct'],
        /--predictions scores answers already written and cannot be combined with --mode/,
      ],
      [
        ['--predictions', 'none.jsonl'],
        /LongBench-Write predictions file none\.jsonl does not exist/,
      ],
      [['--data', 'data.jsonl', '--samples', '0'], /--samples must be a positive whole number/],
      [['--data', 'none.jsonl'], /LongBench-Write data file none\.jsonl does not exist/],
      [
        [],
        /No LongBench-Write data: \.\.\/shared\/data\/longbench-write\/longbench_write\.jsonl is not there; pass --data <file>/,
      ],
      [['--data', 'data.jsonl', '--mode', 'fast'], /Allowed choices are direct, quire/],
      [['--data', 'data.jsonl', '--limit', '0'], /--limit must be a positive whole number/],
      [['--data', 'data.jsonl', '--model', 'nope:x'], /Unknown model "nope:x"/],
      [['--data', 'data.jsonl', '--model', 'openai:gpt-4o-mini'], /No API key for model/],
    ])('%j', async (flags, message) => {
      await expectInputError({
        args: ['bench', 'longbench-write', ...flags],
        cwd: await withData(),
        message,
      });
    });

    it('a broken line, by its number', async () => {
      const cwd = await workDir();
      await writeFile(
        join(cwd, 'data.jsonl'),
        '{"prompt":"a","type":"t","length":100}\n{"prompt":"b",\n',
      );
      await expectInputError({
        args: ['bench', 'longbench-write', '--data', 'data.jsonl', '--model', 'sim'],
        cwd,
        message: /LongBench-Write data file data\.jsonl, line 2: not valid JSON/,
      });
    });

    it('a suite of another benchmark', async () => {
      await expectInputError({
        args: [
          'bench',
          'longbench-write',
          '--suite',
          join(root, 'evals/sgt-generated.json'),
          '--model',
          'sim',
        ],
        cwd: await withData(),
        message: /is for sgt, not longbench-write/,
      });
    });
  });

  it.skipIf(!existsSync(realData))(
    'on sim, 12 items over the four buckets: direct sinks in [4000,20000], quire recovers it; the quick suite judges both',
    async () => {
      const cwd = await tempDir();
      const suite = join(root, 'evals/longbench-write-quick.json');
      const direct = await runCli({
        args: [
          'bench',
          'longbench-write',
          '--suite',
          suite,
          '--mode',
          'direct',
          '--model',
          'sim',
          '--out',
          'direct',
        ],
        cwd,
        timeoutMs: 110_000,
      });
      const quire = await runCli({
        args: [
          'bench',
          'longbench-write',
          '--suite',
          suite,
          '--mode',
          'quire',
          '--model',
          'sim',
          '--out',
          'quire',
        ],
        cwd,
        timeoutMs: 110_000,
      });
      const summary = async (folder: string) =>
        (
          JSON.parse(await readFile(join(cwd, folder, 'summary.json'), 'utf8')) as {
            summary: LongbenchSummary;
          }
        ).summary;
      const directSummary = await summary('direct');
      const quireSummary = await summary('quire');
      expect(directSummary.byBucket.map((group) => group.items)).toEqual([3, 3, 3, 3]);
      expect(directSummary.byBucket[3]?.lengthScore).toBeLessThan(40);
      expect(quireSummary.byBucket[3]?.lengthScore).toBeGreaterThan(90);
      expect(quireSummary.overall.lengthScore).toBeGreaterThan(90);
      // The suite asks for S_l ≥ 90: direct misses it (exit 1), quire passes.
      expect(direct.code).toBe(1);
      expect(direct.stderr.trim().split('\n').at(-1)).toMatch(
        /^quire: Suite longbench-write-quick missed 1 threshold\(s\): S_l \d+\.\d+ < 90\./,
      );
      expect(direct.stdout).toMatch(/- S_l \d+\.\d \(≥ 90\): FAIL/);
      expect(quire.code, quire.stderr).toBe(0);
      expect(quire.stdout).toMatch(/- S_l \d+\.\d \(≥ 90\): pass/);
    },
    // Two benchmark runs of twelve items: minutes on a machine busy with other work.
    240_000,
  );
});
