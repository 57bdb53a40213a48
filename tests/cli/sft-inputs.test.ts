import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { expectInputError, runMain } from '../bench/helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';
import {
  type InstructionFileKind,
  instructionRows,
  writeInstructionFile,
} from '../sft/helpers/instruction-files.js';

const tempDir = useTempDir();

async function jsonLines(path: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** A record without what differs from one run to the next (timing) or one input to the next. */
function comparable(record: Record<string, unknown>): {
  reference?: unknown;
  metadata: Record<string, unknown>;
} {
  const {
    elapsedSeconds: _elapsed,
    createdAt: _created,
    line: _line,
    ...metadata
  } = record.metadata as Record<string, unknown>;
  return { ...record, metadata };
}

describe('quire sft on the inputs trainers have', () => {
  it('gives the same records from a messages, an Alpaca, a ShareGPT, a CSV and a Parquet input', {
    timeout: 240_000,
  }, async () => {
    // Six rows hold each case twice: with a length field and an older answer, and without.
    const rows = instructionRows(6);
    const kinds: InstructionFileKind[] = ['messages', 'alpaca', 'sharegpt', 'csv', 'parquet'];
    const outputs: Array<Array<ReturnType<typeof comparable>>> = [];
    for (const kind of kinds) {
      const cwd = await tempDir();
      const input = await writeInstructionFile({ dir: cwd, kind, rows });
      const result = await runMain({
        argv: ['sft', input, '--out', 'data.jsonl', '--model', 'sim', '--words', '200'],
        cwd,
      });
      expect(result.code, result.stderr).toBe(0);
      const records = [
        ...(await jsonLines(join(cwd, 'data.jsonl'))),
        ...(await jsonLines(join(cwd, 'data.rejected.jsonl'))),
      ];
      expect(records, kind).toHaveLength(rows.length);
      outputs.push(
        records.map(comparable).sort((left, right) => {
          const id = (record: { metadata: Record<string, unknown> }) => String(record.metadata.id);
          return id(left).localeCompare(id(right));
        }),
      );
    }
    for (const output of outputs.slice(1)) expect(output).toEqual(outputs[0]);
    // The existing answers came along, and each target says where it came from.
    const records = outputs[0] ?? [];
    const answered = records.filter((record) => record.reference !== '');
    expect(answered).toHaveLength(2);
    for (const record of records) {
      expect(record.metadata.referenceWords === 0, String(record.reference)).toBe(
        record.reference === '',
      );
    }
    const sources = records.map((record) => record.metadata.targetSource);
    expect(sources.filter((source) => source === 'field')).toHaveLength(2);
    expect(sources.filter((source) => source === 'flag')).toHaveLength(4);
  });

  it('--out data.parquet with --split writes seeded train and validation Parquet files', {
    timeout: 120_000,
  }, async () => {
    const cwd = await tempDir();
    const input = await writeInstructionFile({
      dir: cwd,
      kind: 'prompt',
      rows: instructionRows(10),
    });
    const argv = ['sft', input, '--out', 'data.parquet', '--model', 'sim', '--words', '150'];
    const result = await runMain({
      argv: [...argv, '--split', '0.8', '--min-words', '1', '--json'],
      cwd,
    });
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.exported).toEqual([
      { path: join(cwd, 'data.train.parquet'), records: 8 },
      { path: join(cwd, 'data.validation.parquet'), records: 2 },
    ]);
    const read = async (name: string) =>
      parquetReadObjects({ file: await asyncBufferFromFile(join(cwd, name)) });
    const train = await read('data.train.parquet');
    const validation = await read('data.validation.parquet');
    expect(train).toHaveLength(8);
    expect(train[0]).toMatchObject({
      messages: [
        { role: 'user', content: expect.stringMatching(/^Write an essay about/) },
        { role: 'assistant', content: expect.any(String) },
      ],
      reference: expect.any(String),
      metadata: { id: expect.any(String), targetSource: expect.any(String) },
    });
    const ids = [...train, ...validation].map((record) => record.metadata.id);
    expect(new Set(ids).size).toBe(10);
    // The journal a re-run resumes from; without --split the Parquet file is the output itself.
    expect(await jsonLines(join(cwd, 'data.journal.jsonl'))).toHaveLength(10);
    const again = await runMain({ argv: [...argv, '--min-words', '1', '--json'], cwd });
    expect(JSON.parse(again.stdout)).toMatchObject({ skipped: 10 });
    expect(await read('data.parquet')).toHaveLength(10);
    // The same seed splits the same way.
    const split = await runMain({ argv: [...argv, '--split', '0.8', '--min-words', '1'], cwd });
    expect(split.code).toBe(0);
    expect((await read('data.validation.parquet')).map((record) => record.metadata.id)).toEqual(
      validation.map((record) => record.metadata.id),
    );
  });

  it('reports the duplicates it skipped', { timeout: 60_000 }, async () => {
    const cwd = await tempDir();
    const input = await writeInstructionFile({
      dir: cwd,
      kind: 'alpaca',
      rows: [
        { prompt: 'Write about  tides.' },
        { prompt: 'Write about tides.' },
        { prompt: 'Write about\ntides. ' },
      ],
    });
    const result = await runMain({
      argv: ['sft', input, '--out', 'data.jsonl', '--model', 'sim', '--words', '120'],
      cwd,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'quire: 2 instruction(s) repeat an earlier one and run once: line(s) 2, 3',
    );
    expect(result.stdout).toContain(
      '  input:    alpaca.jsonl (alpaca records), 2 duplicate(s) skipped\n',
    );
  });

  describe('refuses bad input in one line, exit 2, writing nothing', () => {
    const folder = async (files: Record<string, string>) => {
      const cwd = await tempDir();
      for (const [name, text] of Object.entries(files)) await writeFile(join(cwd, name), text);
      return cwd;
    };

    it('an unknown --input-format', async () => {
      await expectInputError({
        args: ['sft', 'in.jsonl', '--out', 'out.jsonl', '--input-format', 'xml'],
        cwd: await folder({ 'in.jsonl': '{"prompt":"a"}\n' }),
        message:
          /^quire: option '--input-format <format>' argument 'xml' is invalid\. Allowed choices are messages, sharegpt, alpaca, prompt; see 'quire sft --help'\.\n$/,
      });
    });

    it('a line that matches no format', async () => {
      await expectInputError({
        args: ['sft', 'in.jsonl', '--out', 'out.jsonl', '--model', 'sim'],
        cwd: await folder({ 'in.jsonl': '{"text":"a"}\n' }),
        message:
          /^quire: Instructions file in\.jsonl, line 1: matches none of the formats tried: messages .*, sharegpt .*, alpaca .*, prompt .*\n$/,
      });
    });

    it('a CSV without the named column', async () => {
      await expectInputError({
        args: [
          'sft',
          'in.csv',
          '--out',
          'out.jsonl',
          '--prompt-field',
          'question',
          '--model',
          'sim',
        ],
        cwd: await folder({ 'in.csv': 'prompt\nWrite about tides\n' }),
        message:
          /^quire: Instructions file in\.csv has no column "question" \(its columns: prompt\)/,
      });
    });

    it('a Parquet file that is not Parquet', async () => {
      await expectInputError({
        args: ['sft', 'in.parquet', '--out', 'out.jsonl', '--model', 'sim'],
        cwd: await folder({ 'in.parquet': 'prompt\n' }),
        message: /^quire: in\.parquet is not a Parquet file \(.*\): pass a \.parquet file/,
      });
    });

    it('a --split outside (0, 1)', async () => {
      const cwd = await folder({ 'in.jsonl': '{"prompt":"a"}\n' });
      await expectInputError({
        args: ['sft', 'in.jsonl', '--out', 'out.jsonl', '--split', '1'],
        cwd,
        message:
          /^quire: --split is the share of records for training, between 0 and 1 \(e\.g\. 0\.95\); got 1\.\n$/,
      });
      await expectInputError({
        args: ['sft', 'in.jsonl', '--out', 'out.jsonl', '--split', '0'],
        cwd,
        message: /--split must be a positive number, got "0"/,
      });
    });

    it('a --seed without --split', async () => {
      await expectInputError({
        args: ['sft', 'in.jsonl', '--out', 'out.jsonl', '--seed', '3'],
        cwd: await folder({ 'in.jsonl': '{"prompt":"a"}\n' }),
        message: /^quire: --seed only applies with --split <share>\.\n$/,
      });
    });

    it('a Parquet --out that exists without its journal', async () => {
      await expectInputError({
        args: ['sft', 'in.jsonl', '--out', 'data.parquet', '--model', 'sim'],
        cwd: await folder({ 'in.jsonl': '{"prompt":"a"}\n', 'data.parquet': 'not ours' }),
        message:
          /^quire: data\.parquet exists but data\.journal\.jsonl, the journal quire sft makes it from, does not: choose another --out/,
      });
    });
  });
});
