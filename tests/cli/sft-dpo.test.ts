import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SftMetadataSchema } from '../../src/sft/sft-metadata.js';
import { SftRejectedRecordSchema } from '../../src/sft/sft-rejected-record.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { expectInputError, runMain } from '../bench/helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const fixtures = new URL('../fixtures/sft/', import.meta.url);
type Row = Record<string, unknown>;

const instructions = [
  { prompt: 'Write a 2,000-word history of the harbour pilots of Lisbon' },
  { prompt: 'Write a 1,500-word guide to sourdough starters' },
];

async function folderWith(files: Record<string, string>): Promise<string> {
  const cwd = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(join(cwd, name), text);
  return cwd;
}

const jsonl = (rows: readonly object[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');

async function jsonLines(path: string): Promise<Row[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
}

/** A row as TRL's standard preference layout reads it: three plain strings. */
function loadLikeTrl(row: Row): { prompt: string; chosen: string; rejected: string } {
  const { prompt, chosen, rejected } = row;
  if (typeof prompt !== 'string' || typeof chosen !== 'string' || typeof rejected !== 'string') {
    throw new Error('not a standard preference row');
  }
  return { prompt, chosen, rejected };
}

/**
 * A row as LLaMA-Factory's alpaca ranking layout reads it, by the columns of its
 * `dataset_info.json` entry: the user turn is the prompt and query columns joined by a line
 * break (empty ones left out), the system column apart, chosen and rejected strings.
 */
function loadLikeLlamaFactory(
  row: Row,
  columns: Record<'prompt' | 'query' | 'system' | 'chosen' | 'rejected', string>,
) {
  const user = [row[columns.prompt], row[columns.query]].filter(Boolean).join('\n');
  const [chosen, rejected] = [row[columns.chosen], row[columns.rejected]];
  if (typeof chosen !== 'string' || typeof rejected !== 'string') throw new Error('not ranking');
  return { user, system: String(row[columns.system] ?? ''), chosen, rejected };
}

/** `quire sft in.jsonl --out pairs.jsonl --format dpo` in `cwd`, on `model` with `extra` flags. */
function runDpo({
  cwd,
  model,
  extra = [],
  env,
}: {
  cwd: string;
  model: string;
  extra?: string[];
  env?: Record<string, string>;
}) {
  return runMain({
    argv: [
      'sft',
      'in.jsonl',
      '--out',
      'pairs.jsonl',
      '--format',
      'dpo',
      '--model',
      model,
      ...extra,
    ],
    cwd,
    ...(env ? { env } : {}),
  });
}

/** Checks every pair of `out` against the layout, and returns the records. */
async function expectPairs(out: string): Promise<Row[]> {
  const rows = await jsonLines(out);
  const info = JSON.parse(
    await readFile(new URL('llamafactory-dpo-dataset-info.json', fixtures), 'utf8'),
  ) as { quire_dpo: { ranking: boolean; columns: Parameters<typeof loadLikeLlamaFactory>[1] } };
  expect(info.quire_dpo.ranking).toBe(true);
  for (const row of rows) {
    expect(Object.keys(row)).toEqual([
      'prompt',
      'input',
      'system',
      'chosen',
      'rejected',
      'pair',
      'metadata',
    ]);
    const trl = loadLikeTrl(row);
    expect(trl.chosen).not.toBe(trl.rejected);
    // The prompt is the section's own instruction, not the whole request.
    expect(trl.prompt).toMatch(/Section \d+ of \d+: /);
    expect(instructions.map((each) => each.prompt)).not.toContain(trl.prompt);
    const factory = loadLikeLlamaFactory(row, info.quire_dpo.columns);
    expect(factory.user).toBe(trl.prompt);
    expect(factory.system).toMatch(/long-form writer/);
    expect(SftMetadataSchema.parse(row.metadata).pairs).toBeGreaterThan(0);
    const pair = row.pair as { source: string; scores?: { chosen: number; rejected: number } };
    if (pair.source === 'candidates') {
      expect(pair.scores!.rejected).toBeGreaterThan(pair.scores!.chosen);
    }
  }
  return rows;
}

describe('quire sft --format dpo', { timeout: 240_000 }, () => {
  it('exports preference pairs from the candidates and the review, in the layout TRL and LLaMA-Factory read', async () => {
    const cwd = await folderWith({ 'in.jsonl': jsonl(instructions) });
    const result = await runDpo({ cwd, model: 'sim:seed=8,defects=0.4' });
    expect(result.code, result.stderr).toBe(0);
    const rows = await expectPairs(join(cwd, 'pairs.jsonl'));
    const sources = new Set(rows.map((row) => (row.pair as { source: string }).source));
    expect([...sources].sort()).toEqual(['candidates', 'review']);
    expect(result.stdout).toContain(`2 instruction(s), ${rows.length} preference pair(s)`);
    // Each instruction's metadata counts its own pairs.
    const counts = new Map<string, number>();
    for (const row of rows) {
      const { id } = row.metadata as { id: string };
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const row of rows) {
      const { id, pairs } = row.metadata as { id: string; pairs: number };
      expect(pairs).toBe(counts.get(id));
    }
  });

  it('counts 0 pairs with a warning when the candidates tie and nothing is rewritten', async () => {
    const cwd = await folderWith({
      'in.jsonl': jsonl(instructions.slice(1)),
      // No review, and replies exactly as long as asked: every candidate scores the same.
      'quire.config.json': JSON.stringify({ review: { rounds: 0 } }),
    });
    const result = await runDpo({ cwd, model: 'sim:seed=3,noise=0' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('0 instruction(s), 0 preference pair(s)');
    expect(result.stderr).toMatch(/quire: warning: 0 preference pairs/);
    expect(await jsonLines(join(cwd, 'pairs.jsonl'))).toEqual([]);
    const [rejected] = await jsonLines(join(cwd, 'pairs.rejected.jsonl'));
    expect(SftRejectedRecordSchema.parse(rejected).reasons.map((each) => each.reason)).toEqual([
      'no-pairs',
    ]);
  });

  it.each([
    [['--thinking'], /--thinking does not apply to --format dpo/],
    [['--min-words', '100'], /--min-words does not apply to --format dpo/],
    [['--max-rep', '0.5'], /--max-rep does not apply to --format dpo/],
  ])('refuses %j with it: one line, exit 2, nothing written', async (extra, message) => {
    const cwd = await folderWith({ 'in.jsonl': jsonl(instructions) });
    await expectInputError({
      args: ['sft', 'in.jsonl', '--out', 'pairs.jsonl', '--format', 'dpo', ...extra],
      cwd,
      message,
    });
  });

  it('refuses a Parquet output: one line, exit 2, nothing written', async () => {
    const cwd = await folderWith({ 'in.jsonl': jsonl(instructions) });
    await expectInputError({
      args: ['sft', 'in.jsonl', '--out', 'pairs.parquet', '--format', 'dpo'],
      cwd,
      message: /--format dpo writes JSONL/,
    });
  });

  describe('over HTTP', () => {
    let server: SimServer;
    beforeAll(async () => {
      server = await startSimServer({ port: 0, options: { seed: 4, defects: 0.4 } });
    });
    afterAll(async () => {
      await server.close();
    });

    it('makes the same kind of pairs through quire sim serve', async () => {
      const cwd = await folderWith({ 'in.jsonl': jsonl(instructions.slice(0, 1)) });
      const result = await runDpo({
        cwd,
        model: 'openai:sim',
        extra: ['--base-url', server.url],
        env: { OPENAI_API_KEY: 'test-key' },
      });
      expect(result.code, result.stderr).toBe(0);
      const rows = await expectPairs(join(cwd, 'pairs.jsonl'));
      expect(rows.length).toBeGreaterThan(0);
    });
  });
});
