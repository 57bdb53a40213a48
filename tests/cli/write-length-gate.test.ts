import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('quire write and resume: never a silent short document', () => {
  it('says so first, exits 1, and resume with another model or --words continues the run', async () => {
    const cwd = await tempDir();
    // The earlier fixed-attempt policy on a model that stops at 120 words ends short.
    await writeFile(join(cwd, 'fixed.json'), JSON.stringify({ write: { lengthPolicy: 'fixed' } }));
    const request = [
      'write',
      '--quality',
      'fast',
      'Write a guide to tide pools',
      '--words',
      '3000',
      '--out',
      'run',
    ];
    const short = await runCli({
      args: [...request, '--model', 'sim:ceiling=120', '--config', 'fixed.json'],
      cwd,
    });
    expect(short.code).toBe(1);
    expect(short.stdout.split('\n')[0]).toMatch(
      /^Incomplete \(too short: 0\.\d\d× the target\): .*document\.md$/,
    );
    expect(short.stderr.trim().split('\n').at(-1)).toMatch(
      /^quire: Incomplete: the document has [\d,]+ of 3,000 words \(0\.\d\d×, under the 0\.9× floor\); the model writes about 120 words per reply\. The run is saved; continue it with: quire resume /,
    );
    const info = JSON.parse(await readFile(join(cwd, 'run', 'run.json'), 'utf8'));
    expect(info.status).toBe('incomplete-length');

    // Inspect and the second resume in this process: the runs around them are real processes.
    const inspected = await runMain({ argv: ['inspect', 'run'], cwd });
    expect(inspected.stdout).toMatch(/status +incomplete-length \(the document has/);

    const resumed = await runCli({ args: ['resume', 'run', '--model', 'sim'], cwd });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout.split('\n')[0]).toMatch(/^Wrote /);

    const retargeted = await runMain({
      argv: ['resume', 'run', '--words', '6000', '--model', 'sim', '--json'],
      cwd,
    });
    expect(retargeted.code, retargeted.stderr).toBe(0);
    const result = JSON.parse(retargeted.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(result).toMatchObject({
      type: 'result',
      status: 'completed',
      targetWords: 6_000,
      lengthGate: { status: 'within' },
    });
  }, 120_000);

  it('refuses a --words that is not a positive whole number, with exit 2', async () => {
    const cwd = await tempDir();
    const result = await runCli({ args: ['resume', 'run', '--words', 'lots'], cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--words must be a positive whole number, got "lots"/);
  });
});
