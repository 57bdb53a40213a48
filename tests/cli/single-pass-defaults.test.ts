import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../bench/helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const instruction = { prompt: 'Write a 300-word note on the tide mills of Brittany.' };

/** The quality level the run of the first result line of `quire bench longbench-write` used. */
async function benchQuality({ cwd, flags }: { cwd: string; flags: string[] }) {
  const out = `out-${flags.join('-') || 'default'}`;
  const result = await runMain({
    argv: [
      ...['bench', 'longbench-write', '--data', 'data.jsonl', '--mode', 'quire'],
      ...['--model', 'sim', '--out', out, ...flags],
    ],
    cwd,
  });
  expect(result.code, result.stderr).toBe(0);
  const line = (await readFile(join(cwd, out, 'results.jsonl'), 'utf8')).split('\n')[0]!;
  const { runDirectory } = JSON.parse(line) as { runDirectory: string };
  const info = JSON.parse(await readFile(join(runDirectory, 'run.json'), 'utf8'));
  return { level: info.config.write.quality as string, stages: Object.keys(info.stages) };
}

/** The model calls of the one record `quire sft` wrote. */
async function sftCalls({ cwd, flags }: { cwd: string; flags: string[] }) {
  const out = `data-${flags.join('-') || 'default'}.jsonl`;
  const result = await runMain({
    argv: ['sft', 'in.jsonl', '--out', out, '--model', 'sim', ...flags],
    cwd,
  });
  expect(result.code, result.stderr).toBe(0);
  const record = JSON.parse(await readFile(join(cwd, out), 'utf8')) as {
    metadata: { calls: number };
  };
  return record.metadata.calls;
}

describe('quire bench and quire sft answer with the single pass unless asked', () => {
  it('quire bench longbench-write runs --quality fast by default, and standard when asked', async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, 'data.jsonl'),
      `${JSON.stringify({ ...instruction, type: 'note', length: 300 })}\n`,
    );
    expect(await benchQuality({ cwd, flags: [] })).toEqual({
      level: 'fast',
      stages: ['planning', 'drafting'],
    });
    const standard = await benchQuality({ cwd, flags: ['--quality', 'standard'] });
    expect(standard.level).toBe('standard');
    expect(standard.stages).toContain('review');
  }, 120_000);

  it('quire sft writes each record at --quality fast by default, with more calls when asked for standard', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'in.jsonl'), `${JSON.stringify(instruction)}\n`);
    const fast = await sftCalls({ cwd, flags: [] });
    expect(await sftCalls({ cwd, flags: ['--quality', 'standard'] })).toBeGreaterThan(fast);
  }, 120_000);
});
