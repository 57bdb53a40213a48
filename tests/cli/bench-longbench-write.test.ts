import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LongbenchResultSchema } from '../../src/bench/longbench/longbench-result-schema.js';
import type { LongbenchSummary } from '../../src/bench/longbench/summarise-longbench.js';
import { longbenchJsonl } from '../bench/helpers/longbench-rows.js';
import { expectInputError } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
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

    const again = await runCli({ args: [...args, '--json'], cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('quire: 4 item(s), 4 already done, 0 to run.');
    const json = JSON.parse(again.stdout) as {
      skipped: number;
      scored: number;
      summary: LongbenchSummary;
    };
    expect(json).toMatchObject({ skipped: 4, scored: 4 });
    expect(json.summary.byBucket.map((group) => group.items)).toEqual([1, 1, 1, 1]);
  });

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
    expect((await runCli({ args: [...base, '--mode', 'direct'], cwd })).code).toBe(0);
    await expectInputError({
      args: [...base, '--mode', 'quire'],
      cwd,
      message: /--out out holds results of mode direct, not mode quire: choose another --out/,
    });
  });

  describe('refuses bad input in one line, exit 2, writing nothing', () => {
    it.each([
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
