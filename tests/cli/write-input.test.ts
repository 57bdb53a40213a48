import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeReadOnly } from '../helpers/read-only-dir.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** Runs the CLI in a fresh folder and checks: exit 2, one line on stderr, nothing written. */
async function expectInputError({
  args,
  setup,
  message,
  env,
}: {
  args: string[];
  setup?: (dir: string) => Promise<void>;
  message: RegExp;
  env?: Record<string, string>;
}) {
  const cwd = await tempDir();
  await setup?.(cwd);
  const before = await readdir(cwd, { recursive: true });
  const result = await runCli({ args, cwd, env });
  expect(result.stderr).toMatch(message);
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(await readdir(cwd, { recursive: true })).toEqual(before);
}

describe('quire write: bad input is one line, exit 2, nothing written', () => {
  it.each([
    ['an empty request', ['write', '  '], /The request is empty/],
    ['no request at all', ['write'], /The request is empty/],
    [
      '--words 0',
      ['write', 'x', '--words', '0'],
      /--words must be a positive whole number, got "0"/,
    ],
    [
      'negative --words',
      ['write', 'x', '--words', '-3'],
      /--words must be a positive whole number/,
    ],
    [
      'non-numeric --words',
      ['write', 'x', '--words', 'many'],
      /--words must be a positive whole number, got "many"/,
    ],
    [
      'an unknown --context',
      ['write', 'x', '--context', 'all'],
      /Allowed choices are bounded, full/,
    ],
    [
      'a missing --task file',
      ['write', '--task', 'nope.json'],
      /task file nope\.json does not exist/,
    ],
    [
      'a missing --plan file',
      ['write', 'x', '--plan', 'nope.json'],
      /plan file nope\.json does not exist/,
    ],
    [
      'openai without a key',
      ['write', 'x', '--model', 'openai:gpt-4o-mini'],
      /OPENAI_API_KEY.*--base-url.*--model sim/,
    ],
    ['an unknown model', ['write', 'x', '--model', 'claude'], /Unknown model "claude"/],
    ['resuming a directory that is not a run', ['resume', '.'], /is not a quire run/],
  ])('%s', async (_name, args, message) => {
    await expectInputError({ args, message });
  });

  it('invalid JSON in --task names the file, line and column', async () => {
    await expectInputError({
      args: ['write', '--task', 'task.json'],
      setup: (dir) => writeFile(join(dir, 'task.json'), '{\n  "prompt": "x",\n  words: 5\n}'),
      message: /task file task\.json is not valid JSON at line 3, column 3/,
    });
  });

  it('invalid JSON in --plan names the file and position', async () => {
    await expectInputError({
      args: ['write', 'x', '--plan', 'plan.json'],
      setup: (dir) => writeFile(join(dir, 'plan.json'), '{"title": "x", "sections": [}'),
      message: /plan file plan\.json is not valid JSON at line 1, column 29/,
    });
  });

  it('a --task file without a prompt says what it needs', async () => {
    await expectInputError({
      args: ['write', '--task', 'task.json'],
      setup: (dir) => writeFile(join(dir, 'task.json'), '{"words": 500}'),
      message: /task file task\.json is not a valid task \(prompt: .*\): it needs \{"prompt"/,
    });
  });

  it('an unreadable --task file', async () => {
    await expectInputError({
      args: ['write', '--task', 'folder'],
      setup: (dir) => mkdir(join(dir, 'folder')),
      message: /Cannot read the task file folder \(EISDIR\)/,
    });
  });

  it('an --out that exists and is not a run', async () => {
    await expectInputError({
      args: ['write', 'x', '--out', 'notes'],
      setup: async (dir) => {
        await mkdir(join(dir, 'notes'));
        await writeFile(join(dir, 'notes', 'todo.txt'), 'keep me');
      },
      message: /--out .*notes exists and is not a quire run/,
    });
  });

  it('an --out that cannot be written', async () => {
    const cwd = await tempDir();
    await mkdir(join(cwd, 'locked'));
    const undo = await makeReadOnly(join(cwd, 'locked'));
    try {
      const result = await runCli({ args: ['write', 'x', '--out', 'locked/run'], cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /Cannot create the run directory .*locked\/run .*choose a writable --out/,
      );
      expect(await readdir(join(cwd, 'locked'))).toEqual([]);
    } finally {
      await undo();
    }
  });
});
