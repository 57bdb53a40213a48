import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMain } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';

const packageVersion = JSON.parse(readFileSync('package.json', 'utf8')).version;

/** One line on stderr, no stack trace. */
function expectOneLine(stderr: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

describe('quire CLI', () => {
  it('--help lists every command and exits 0', async () => {
    const result = await runCli({ args: ['--help'] });
    expect(result.code).toBe(0);
    for (const command of ['write', 'resume', 'inspect', 'eval', 'code', 'bench', 'sft', 'sim']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('--version prints the package version', async () => {
    const result = await runCli({ args: ['--version'] });
    expect(result).toMatchObject({ code: 0, stdout: `${packageVersion}\n` });
  });

  it.each([
    'write',
    'resume',
    'inspect',
    'eval',
    'code',
    'bench longbench-write',
    'bench sgt',
    'sft',
    'sim serve',
  ])('%s --help shows each flag with its type or default', async (command) => {
    // In this process: the help text is what is tested, and the tests around spawn the CLI.
    const result = await runMain({ argv: [...command.split(' '), '--help'], cwd: process.cwd() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: quire ${command} `));
    // A flag's block is its own line plus the wrapped lines below it (indented deeper).
    const blocks: string[] = [];
    for (const line of result.stdout.split('\n')) {
      if (/^ {2}(-\w, )?--/.test(line)) blocks.push(line);
      else if (/^ {3,}\S/.test(line) && blocks.length > 0)
        blocks[blocks.length - 1] += ` ${line.trim()}`;
    }
    const flags = blocks.filter((block) => !block.includes('--help'));
    for (const block of flags) {
      expect(block).toMatch(/default|required|integer|string|number|boolean|choices/);
    }
  });

  it('an unknown command exits 2 with one line and a suggestion', async () => {
    const result = await runCli({ args: ['wirte'] });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain("unknown command 'wirte'");
    expect(result.stderr).toContain('write');
  });

  it('an unknown flag exits 2 with one line pointing at the command help', async () => {
    const result = await runCli({ args: ['write', '--wrods', '5', 'x'] });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain("unknown option '--wrods'");
    expect(result.stderr).toContain("quire write --help'");
  });

  it('a bad flag value exits 2 with one line', async () => {
    const result = await runCli({ args: ['write', '--words', '-5', 'x'] });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain('--words must be a positive whole number');
  });

  it('no arguments prints the help and exits 2', async () => {
    const result = await runCli({ args: [] });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage: quire');
  });

  it('--debug adds the stack trace', async () => {
    const result = await runCli({ args: ['--debug', 'eval', 'missing-file.md'] });
    expect(result.code).not.toBe(0);
    expect(result.stderr.split('\n').length).toBeGreaterThan(2);
  });
});
