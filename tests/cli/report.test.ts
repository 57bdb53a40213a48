import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { expectInputError, runMain } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const fixture = join(process.cwd(), 'tests/fixtures/report/write-run');

/** A temp folder holding a copy of the fixture run as `run/`. */
async function withRun(): Promise<string> {
  const cwd = await tempDir();
  await cp(fixture, join(cwd, 'run'), { recursive: true });
  return cwd;
}

describe('quire report', () => {
  it('writes report.html inside a run directory, or to --out, and says where', async () => {
    const cwd = await withRun();
    const result = await runMain({ argv: ['report', 'run'], cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*run\/report\.html \(write-run, \d+ KB\)\n$/);
    const page = await readFile(join(cwd, 'run', 'report.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script|<link|src="http/);

    const json = await runMain({
      argv: ['--json', 'report', 'run', '--out', 'pages/run.html'],
      cwd,
    });
    expect(JSON.parse(json.stdout)).toMatchObject({
      type: 'result',
      kind: 'write-run',
      path: join(cwd, 'pages', 'run.html'),
    });
    expect(existsSync(join(cwd, 'pages', 'run.html'))).toBe(true);
  }, 120_000);

  it('refuses what it cannot show with one line and exit 2, writing nothing', async () => {
    const cwd = await withRun();
    await mkdir(join(cwd, 'empty'));
    await writeFile(join(cwd, 'notes.txt'), 'hello\n');
    await mkdir(join(cwd, 'broken'));
    await writeFile(join(cwd, 'broken', 'bench.json'), '{ not json');
    const cases: Array<[string[], RegExp]> = [
      [['report', 'nowhere'], /nowhere does not exist: pass a run directory/],
      [['report', 'empty'], /empty holds neither run\.json nor bench\.json/],
      [['report', 'notes.txt'], /not a \.jsonl output of quire sft/],
      [['report', 'broken'], /bench\.json is damaged/],
      [['report', 'run', '--compare', 'run'], /leave --compare out/],
    ];
    for (const [args, message] of cases) await expectInputError({ args, cwd, message });
  }, 60_000);

  it('opens the page with $BROWSER when asked', async () => {
    const cwd = await withRun();
    const opener = join(cwd, 'open.sh');
    await writeFile(opener, `#!/bin/sh\necho "$1" > "${join(cwd, 'opened.txt')}"\n`);
    await chmod(opener, 0o755);
    const code = await main({
      argv: ['report', 'run', '--open'],
      io: {
        stdout: { write: () => true },
        stderr: { write: () => true },
        env: { PATH: process.env.PATH, BROWSER: opener },
        cwd,
      },
      abortSignal: new AbortController().signal,
    });
    expect(code).toBe(0);
    // The browser is started, not waited for: give the opener a moment to run.
    for (let tries = 0; tries < 100 && !existsSync(join(cwd, 'opened.txt')); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await readFile(join(cwd, 'opened.txt'), 'utf8')).trim()).toBe(
      `file://${join(cwd, 'run', 'report.html')}`,
    );
  }, 60_000);

  it('is written after quire write unless report.html is off', async () => {
    const cwd = await tempDir();
    const args = ['write', '--quality', 'fast', 'Write a 300-word note on tides', '--model', 'sim'];
    const env = { QUIRE_REPORT_HTML: 'true' };
    const on = await runCli({ args: [...args, '--out', 'on'], cwd, env, timeoutMs: 120_000 });
    expect(on.code).toBe(0);
    expect(on.stdout).toContain(`Report: ${join(cwd, 'on', 'report.html')}`);
    expect(existsSync(join(cwd, 'on', 'report.html'))).toBe(true);

    await writeFile(join(cwd, 'quire.config.json'), '{ "report": { "html": false } }');
    // The config file wins over the environment. In this process: the spawn above showed a real
    // one writing the page, and one fewer process keeps the test quick.
    const off = await runMain({ argv: [...args, '--out', 'off'], cwd, env });
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('Report:');
    expect(existsSync(join(cwd, 'off', 'report.html'))).toBe(false);
  }, 300_000);
});
