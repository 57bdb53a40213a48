import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSftProgress } from '../../src/cli/commands/sft-progress-line.js';
import { SftMetadataSchema } from '../../src/sft/sft-metadata.js';
import { SftRejectedRecordSchema } from '../../src/sft/sft-rejected-record.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { expectInputError, runMain } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait-until.js';

const tempDir = useTempDir();
const subjects = [
  'tides',
  'kites',
  'glaciers',
  'violins',
  'bridges',
  'orchards',
  'comets',
  'ferries',
  'maps',
  'bees',
];

/** `count` instructions of 150 to 420 words, one JSON line each. */
function instructionsJsonl(count: number): string {
  return Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      prompt: `Write an essay about ${subjects[index % subjects.length]}, part ${index + 1}.`,
      length: 150 + (index % 10) * 30,
    }),
  )
    .map((line) => `${line}\n`)
    .join('');
}

async function folderWith(name: string, text: string): Promise<string> {
  const cwd = await tempDir();
  await writeFile(join(cwd, name), text);
  return cwd;
}

/** Every line of a JSONL file, parsed; a file that does not exist is empty. */
async function jsonLines(path: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text === ''
    ? []
    : text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
}

describe('formatSftProgress', () => {
  it('shows done of total, written, rejected, in flight, tokens and throughput', () => {
    const line = formatSftProgress({
      total: 50,
      skipped: 10,
      written: 18,
      rejected: 2,
      failed: 0,
      inFlight: 8,
      tokens: 123_456,
      outputTokens: 60_000,
      retries: 3,
      elapsedSeconds: 120,
    });
    expect(line).toBe(
      '30/50 · 18 written · 2 rejected · 8 in flight · 123k tokens · 10.0 items/min · 500 tokens/s out · 3 retries · 2:00',
    );
  });
});

describe('quire sft', () => {
  describe('refuses bad input in one line, exit 2, writing nothing', () => {
    it('a broken line, naming its number', async () => {
      await expectInputError({
        args: ['sft', 'in.jsonl', '--out', 'out.jsonl', '--model', 'sim'],
        cwd: await folderWith(
          'in.jsonl',
          '{"prompt":"Write about tides"}\n{"prompt": "Write about\n{"prompt":"c"}\n',
        ),
        message:
          /^quire: Instructions file in\.jsonl, line 2: not valid JSON .*pass --skip-invalid to leave such lines out\.\n$/,
      });
    });

    it('a line without "prompt"', async () => {
      await expectInputError({
        args: ['sft', 'in.jsonl', '--out', 'out.jsonl', '--model', 'sim'],
        cwd: await folderWith('in.jsonl', '{"prompt":"a"}\n{"length":300}\n'),
        message: /line 2: "prompt" is missing \(expected a string\)/,
      });
    });

    it('an unknown --format', async () => {
      await expectInputError({
        args: ['sft', 'in.jsonl', '--out', 'out.jsonl', '--format', 'xml'],
        cwd: await folderWith('in.jsonl', '{"prompt":"a"}\n'),
        message:
          /^quire: option '--format <format>' argument 'xml' is invalid\. Allowed choices are messages, alpaca, sharegpt, dpo; see 'quire sft --help'\.\n$/,
      });
    });

    it('an instructions file that does not exist', async () => {
      await expectInputError({
        args: ['sft', 'missing.jsonl', '--out', 'out.jsonl', '--model', 'sim'],
        cwd: await tempDir(),
        message: /^quire: Instructions file missing\.jsonl does not exist: check the path\.\n$/,
      });
    });

    it('a --fixed-clock that is not an ISO 8601 time', async () => {
      await expectInputError({
        args: ['sft', 'in.jsonl', '--out', 'out.jsonl', '--model', 'sim', '--fixed-clock', 'noon'],
        cwd: await folderWith('in.jsonl', '{"prompt":"a"}\n'),
        message: /fixedClock: expected an ISO 8601 time with a zone, such as 2026-01-01T00:00:00Z/,
      });
    });

    it('no --out', async () => {
      await expectInputError({
        args: ['sft', 'in.jsonl'],
        cwd: await folderWith('in.jsonl', '{"prompt":"a"}\n'),
        message: /required option '--out <file>' not specified/,
      });
    });
  });

  it('--skip-invalid leaves the bad lines out, says which, and runs the rest', async () => {
    const cwd = await folderWith('in.jsonl', `${instructionsJsonl(2)}{"oops"\n{"length":5}\n`);
    const result = await runCli({
      args: [
        'sft',
        'in.jsonl',
        '--out',
        'out.jsonl',
        '--model',
        'sim',
        '--skip-invalid',
        '--format',
        'sharegpt',
        '--json',
      ],
      cwd,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /quire: skipped 2 invalid line\(s\) of in\.jsonl: line 3 \(not valid JSON .*\); line 4 \("prompt" is missing/,
    );
    const json = JSON.parse(result.stdout) as {
      total: number;
      written: number;
      rejected: number;
      invalidLines: unknown[];
    };
    expect(json).toMatchObject({ total: 2 });
    expect(json.written + json.rejected).toBe(2);
    expect(json.invalidLines).toHaveLength(2);
    for (const record of await jsonLines(join(cwd, 'out.jsonl'))) {
      expect(record.conversations).toEqual([
        { from: 'human', value: expect.stringMatching(/^Write an essay about/) },
        { from: 'gpt', value: expect.any(String) },
      ]);
    }
  });

  it('prints where the records and the rejections went', async () => {
    const cwd = await folderWith('in.jsonl', instructionsJsonl(3));
    const result = await runCli({
      args: ['sft', 'in.jsonl', '--out', 'data.jsonl', '--model', 'sim', '--min-words', '250'],
      cwd,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^quire sft: 3 instruction\(s\)\n {2}input: {4}in\.jsonl \(prompt records\)\n {2}written: {2}\d to .*data\.jsonl\n {2}rejected: \d+ to .*data\.rejected\.jsonl \(too-short \d+\)\n/,
    );
    expect(result.stderr).toMatch(/rejected \(too-short: \d+ words, under the minimum of 250\)/);
  });

  describe('against the sim server', { timeout: 240_000 }, () => {
    let server: SimServer;
    beforeAll(async () => {
      // Enough latency that a run of 50 is still going when it is killed, little enough to be quick.
      server = await startSimServer({ port: 0, options: { ttft: '20ms', tps: 4_000, slots: 8 } });
    });
    afterAll(async () => {
      await server.close();
    });
    const env = () => ({ OPENAI_API_KEY: 'test-key' });
    const args = (out: string) => [
      'sft',
      'in.jsonl',
      '--out',
      out,
      '--concurrency',
      '8',
      '--model',
      'openai:sim',
      '--base-url',
      server.url,
    ];

    // Whole CLI runs: generous timeouts, so a loaded machine slows them without failing them.
    it('50 instructions, killed with SIGKILL and run again: all accounted for, valid JSONL, no duplicates', {
      timeout: 180_000,
    }, async () => {
      const cwd = await folderWith('in.jsonl', instructionsJsonl(50));
      const out = join(cwd, 'data.jsonl');
      const run = spawnCli({ args: args('data.jsonl'), cwd, env: env() });
      await waitUntil({
        condition: async () =>
          (await readFile(out, 'utf8').catch(() => '')).split('\n').length > 10,
        run,
        what: 'ten lines in data.jsonl',
      });
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');
      const afterKill = (await readFile(out, 'utf8')).split('\n');
      // Every complete line is a record; at most the last, cut by the kill, is not.
      for (const line of afterKill.slice(0, -1)) expect(() => JSON.parse(line)).not.toThrow();
      const killedAt = afterKill.length - 1;
      expect(killedAt).toBeLessThan(50);

      // Run again in this process: the killed run was the real one.
      const rerun = await runMain({ argv: args('data.jsonl'), cwd, env: env() });
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stderr).toMatch(/quire: 50 instruction\(s\), \d+ already done, \d+ to run\./);
      const written = await jsonLines(out);
      const rejected = await jsonLines(join(cwd, 'data.rejected.jsonl'));
      const ids = [
        ...written.map((record) => SftMetadataSchema.parse(record.metadata).id),
        ...rejected.map((record) => SftRejectedRecordSchema.parse(record).metadata.id),
      ];
      expect(ids).toHaveLength(50);
      expect(new Set(ids).size).toBe(50);
      expect((await readFile(out, 'utf8')).endsWith('\n')).toBe(true);
      expect(await readdir(cwd)).not.toContain('data.runs');
    });

    it('Ctrl-C stops, saves what is done, says how to continue and exits 130', {
      timeout: 120_000,
    }, async () => {
      const cwd = await folderWith('in.jsonl', instructionsJsonl(12));
      const out = join(cwd, 'data.jsonl');
      const run = spawnCli({ args: args('data.jsonl'), cwd, env: env() });
      await waitUntil({
        condition: async () => (await readFile(out, 'utf8').catch(() => '')) !== '',
        run,
        what: 'a line in data.jsonl',
      });
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(130);
      expect(run.stderr().trim().split('\n').at(-1)).toMatch(
        /^quire: Interrupted; \d+ of 12 items are saved\. Continue with: the same command \(instructions already in --out are skipped\)$/,
      );
      const rerun = await runMain({ argv: args('data.jsonl'), cwd, env: env() });
      expect(rerun.code, rerun.stderr).toBe(0);
      const ids = [
        ...(await jsonLines(out)),
        ...(await jsonLines(join(cwd, 'data.rejected.jsonl'))),
      ].map((record) => (record.metadata as { id: string }).id);
      expect(new Set(ids).size).toBe(12);
      expect(ids).toHaveLength(12);
    });
  });
});
