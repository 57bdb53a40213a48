import { describe, expect, it } from 'vitest';
import { runMain } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('quire write --json and quire inspect', () => {
  it('streams NDJSON events ending in a result, and inspect reads the run back', async () => {
    const cwd = await tempDir();
    const written = await runCli({
      args: [
        '--json',
        'write',
        '--quality',
        'fast',
        'Write a 2,500-word guide to tide pools',
        '--model',
        'sim',
        '--out',
        'run',
      ],
      cwd,
    });
    expect(written.code, written.stderr).toBe(0);
    const lines = written.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0].type).toBe('run-start');
    expect(lines.map((line) => line.type)).toContain('plan-end');
    const result = lines.at(-1);
    expect(result).toMatchObject({ type: 'result', status: 'completed', targetWords: 2_500 });
    expect(result.scores.length).toBeGreaterThan(80);
    expect(written.stderr.trim().split('\n')).toHaveLength(1); // only the sim notice

    const inspected = await runCli({ args: ['inspect', 'run'], cwd });
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toMatch(/status +completed/);
    expect(inspected.stdout).toMatch(
      new RegExp(`progress +${result.sections}/${result.sections} sections`),
    );
    expect(inspected.stdout).toContain('words / budget');

    // In this process: the same inspect as above, read as JSON.
    const json = await runMain({ argv: ['inspect', 'run', '--json'], cwd });
    const summary = JSON.parse(json.stdout);
    expect(summary).toMatchObject({
      status: 'completed',
      sectionsDone: result.sections,
      model: 'sim',
    });
    expect(summary.sections[0]).toEqual(
      expect.objectContaining({
        id: 's001',
        words: expect.any(Number),
        budget: expect.any(Number),
      }),
    );
  });
});
