import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../src/planner/plan-schema.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { writeTinyGguf } from '../helpers/tiny-gguf.js';

const tempDir = useTempDir();

describe('quire write --model gguf:<path>', () => {
  it('plans with grammar-constrained JSON and completes a run on a generated GGUF model', async () => {
    const cwd = await tempDir();
    await writeTinyGguf({ directory: cwd });
    // Random weights cannot aim at a word budget, nor write a steady length per reply, so the
    // length gate is opened wide, any reply length is accepted and a section gets one repair:
    // what is tested is that the whole pipeline runs on the model, not how well it counts words
    // (left to repair, it spends twenty calls of gibberish on that).
    await writeFile(
      join(cwd, 'quire.json'),
      JSON.stringify({
        gguf: { threads: 1, gpuLayers: 0 },
        lengthGate: { floor: 0.1, ceiling: 10 },
        write: { minWordsPerReply: 1, maxCallsPerSection: 2 },
      }),
    );
    const run = await runCli({
      args: [
        'write',
        '--quality',
        'fast',
        'Write a short guide to lighthouses',
        '--model',
        'gguf:tiny.gguf',
        '--words',
        '600',
        '--config',
        'quire.json',
        '--out',
        'run',
      ],
      cwd,
      timeoutMs: 400_000,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^Wrote .*document\.md$/);
    const plan = PlanSchema.parse(
      JSON.parse(await readFile(join(cwd, 'run', 'plan.json'), 'utf8')),
    );
    expect(plan.sections.length).toBeGreaterThan(0);
    const info = JSON.parse(await readFile(join(cwd, 'run', 'run.json'), 'utf8'));
    expect(info.contextWindow).toEqual({ tokens: 8192, source: 'gguf file', server: 'gguf' });
    expect(info.usage.outputTokens).toBeGreaterThan(0);
    expect((await readFile(join(cwd, 'run', 'document.md'), 'utf8')).length).toBeGreaterThan(0);
  }, 420_000);

  it('exits 2 with one line for a model file that does not exist', async () => {
    const cwd = await tempDir();
    const run = await runCli({
      args: [
        'write',
        '--quality',
        'fast',
        'Write a guide',
        '--model',
        'gguf:missing.gguf',
        '--out',
        'run',
      ],
      cwd,
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^quire: Cannot read the model file "missing\.gguf" of gguf:missing\.gguf: .*--model gguf:/,
      ),
    ]);
  });
});

describe('quire write --model gguf:<path> with a small context', () => {
  it('exits 2 before writing anything, naming the setting that gives the model more context', async () => {
    const cwd = await tempDir();
    await writeTinyGguf({ directory: cwd });
    const run = await runCli({
      args: [
        'write',
        '--quality',
        'fast',
        `Write a guide to lighthouses. ${'Cover the keepers, the lenses and the storms. '.repeat(60)}`,
        '--model',
        'gguf:tiny.gguf',
        '--context-tokens',
        '512',
        '--out',
        'run',
      ],
      cwd,
    });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/context window \(model\.contextTokens\).*pass --context-tokens \d+/);
  });
});
