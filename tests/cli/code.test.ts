import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { useTempDir } from '../helpers/temp-dir.js';

/** Runs `quire …` in-process with captured output. */
async function quire(
  argv: string[],
  {
    cwd,
    abortSignal,
    onStderr,
    env = { PATH: process.env.PATH },
  }: {
    cwd: string;
    abortSignal?: AbortSignal;
    onStderr?: (text: string) => void;
    env?: Record<string, string | undefined>;
  },
) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      write: (text: string) => {
        stderr += text;
        onStderr?.(text);
        return true;
      },
    },
    env,
    cwd,
  };
  const code = await main({ argv, io, abortSignal });
  return { code, stdout, stderr };
}

const spec = '- [ ] 1.1. Users can add items.\n- [ ] 1.2. Users can remove items.';
const fast = [
  '--model',
  'sim:seed=5',
  '--max-steps',
  '2',
  '--max-turns',
  '4',
  '--test-timeout',
  '5000',
  '--memory-limit',
  '64',
];

describe('quire code', () => {
  const tempDir = useTempDir();

  it.each([
    ['an empty spec', ['code', '   '], /The specification is empty/],
    ['no spec at all', ['code'], /The specification is empty/],
    [
      'a missing spec file',
      ['code', '--task', 'nope.md'],
      /Specification file nope\.md does not exist: check the --task path/,
    ],
    [
      'a spec and a spec file',
      ['code', 'build it', '--task', 'spec.md'],
      /either after "quire code" or with --task, not both/,
    ],
    ['a negative restart cap', ['code', 'x', '--max-restarts', '-1'], /--max-restarts/],
    [
      'a conversation budget out of range',
      ['code', 'x', '--conversation-tokens', '10'],
      /code.conversationTokens/,
    ],
    [
      "a specification too long for the model's context window",
      ['code', `Build it. ${'spec '.repeat(1_600)}`, '--context-tokens', '8192'],
      /more than half of a step's conversation \(3,686 tokens in the model's 8,192-token context window\).*--context-tokens 9216/,
    ],
  ])('refuses %s with one line and exit 2, writing nothing', async (_name, argv, message) => {
    const cwd = await tempDir();
    const result = await quire(argv, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    await expect(readFile(join(cwd, 'outputs'))).rejects.toThrow();
  });

  it('refuses an empty spec file and a non-run --out folder', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'empty.md'), '\n  \n');
    const empty = await quire(['code', '--task', 'empty.md'], { cwd });
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringMatching(/empty\.md is empty/) });
    await mkdir(join(cwd, 'busy'));
    await writeFile(join(cwd, 'busy', 'file.txt'), 'x');
    const busy = await quire(['code', 'spec', '--out', 'busy'], { cwd });
    expect(busy).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/exists and is not a quire run/),
    });
  });

  it('runs on sim, reports the unmet requirements with exit 1, and resumes from --out', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'spec.md'), spec);
    const first = await quire(['code', '--task', 'spec.md', '--out', 'run', ...fast], { cwd });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('the model is "sim", the built-in simulated model');
    expect(first.stderr).toMatch(/^starting .*run with sim:seed=5$/m);
    expect(first.stderr).toMatch(/^step 1\/\d+ step-01: /m);
    expect(first.stderr.trim().split('\n').at(-1)).toMatch(
      /^quire: The code run is incomplete: \d+ of 2 requirement\(s\) unmet .* continue with quire code --out .*run$/,
    );
    expect(first.stdout).toContain('Partly built');
    expect(first.stdout).toContain('unmet: 1.1. Users can add items.');
    const report = JSON.parse(await readFile(join(cwd, 'run', 'report.json'), 'utf8'));
    expect(report).toMatchObject({ kind: 'code', status: 'incomplete' });
    // The random tool calls wrote nowhere but the workspace: quire's own files and workspace/.
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(cwd)).sort()).toEqual(['run', 'spec.md']);
    expect((await readdir(join(cwd, 'run'))).sort()).toEqual([
      'journal.jsonl',
      'plan.json',
      'report.json',
      'run.json',
      'workspace',
    ]);
    const record = JSON.parse(await readFile(join(cwd, 'run', 'run.json'), 'utf8'));
    expect(record).toMatchObject({
      status: 'incomplete',
      task: { kind: 'code', specFile: 'spec.md' },
      model: { spec: 'sim:seed=5', simulated: true },
      config: { maxSteps: 2, maxTurns: 4 },
    });

    const resumed = await quire(['code', '--out', 'run', '--max-steps', '4'], { cwd });
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toMatch(/^resuming .*run with sim:seed=5$/m);
    const again = JSON.parse(await readFile(join(cwd, 'run', 'run.json'), 'utf8'));
    expect(again.config).toMatchObject({ maxSteps: 4, maxTurns: 4 });
    expect(again.stepsRun).toBeGreaterThan(record.stepsRun);
  });

  it('creates outputs/<time>-<slug> by default and prints NDJSON with --json', async () => {
    const cwd = await tempDir();
    const result = await quire(['code', '# Shop cart', '--json', ...fast], { cwd });
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ type: 'run-start', resumed: false });
    expect(lines.at(-1)).toMatchObject({ type: 'result', status: 'incomplete' });
    const [runName] = await (await import('node:fs/promises')).readdir(join(cwd, 'outputs'));
    expect(runName).toMatch(/^\d{8}-\d{6}-shop-cart$/);
  });

  it('stops on Ctrl-C with exit 130 and a resume command', async () => {
    const cwd = await tempDir();
    const controller = new AbortController();
    // A spec that starts with "-" must follow "--", as for any command line.
    const result = await quire(['code', '--out', 'run', ...fast, '--', spec], {
      cwd,
      abortSignal: controller.signal,
      onStderr: (text) => {
        if (text.startsWith('step 1/')) controller.abort(new Error('interrupted by the user'));
      },
    });
    expect(result.code).toBe(130);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(
      /continue with quire code --out .*run$/,
    );
    expect(JSON.parse(await readFile(join(cwd, 'run', 'run.json'), 'utf8'))).toMatchObject({
      status: 'interrupted',
    });
  });

  it('refuses to run generated code where bubblewrap is missing, with one line, exit 2 and nothing written', async () => {
    const cwd = await tempDir();
    // A PATH without bwrap (and without prlimit or setpriv) stands for a machine without them.
    const env = { PATH: join(cwd, 'no-tools') };
    const refused = await quire(['code', 'spec', '--out', 'run', ...fast], { cwd, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^quire: generated code cannot be confined here: bubblewrap \(bwrap\) is not installed\. .*--allow-unconfined/,
      ),
    ]);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(cwd)).toEqual([]);

    const allowed = await quire(['code', 'spec', '--out', 'run', ...fast, '--allow-unconfined'], {
      cwd,
      env,
    });
    expect(allowed.code).toBe(1);
    expect(allowed.stderr).toContain(
      'quire: generated code runs unconfined (--allow-unconfined): bubblewrap (bwrap) is not installed;',
    );
    expect(JSON.parse(await readFile(join(cwd, 'run', 'report.json'), 'utf8'))).toMatchObject({
      status: 'incomplete',
    });
    const resumed = await quire(['resume', 'run', '--allow-unconfined'], { cwd, env });
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toContain('generated code runs unconfined');
  });
});
