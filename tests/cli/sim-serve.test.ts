import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createOpenAI } from '@ai-sdk/openai';
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { simNotice } from '../../src/sim/sim-notice.js';
import { cliPath, runCli } from '../helpers/run-cli.js';

/** Starts `quire sim serve` as a user would and resolves with the URL it prints. */
function startServe(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  url: Promise<string>;
  output: () => { stdout: string; stderr: string };
} {
  const child = spawn(process.execPath, [cliPath, 'sim', 'serve', '--port', '0', ...args], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) =>
      reject(new Error(`quire sim serve exited with ${code} before listening: ${stderr}`)),
    );
  });
  return { child, url, output: () => ({ stdout, stderr }) };
}

function exitOf(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

describe('quire sim serve', () => {
  it('serves the OpenAI API on the printed URL and exits 0 on Ctrl-C', async () => {
    const { child, url, output } = startServe(['--seed', '5', '--noise', '0']);
    const base = await url;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const model = createOpenAI({ baseURL: base, apiKey: 'x' }).chat('sim');
    const result = await generateText({
      model,
      prompt: 'Write 80 words on quarries.',
      maxRetries: 0,
    });
    expect(result.text.split(/\s+/).length).toBe(80);

    const exit = exitOf(child);
    child.kill('SIGINT');
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(output().stderr).toContain(simNotice());
    expect(output().stderr.split(simNotice()).length).toBe(2);
  });

  it('writes a fixed length whatever is asked with --fixed, over HTTP', async () => {
    const { child, url } = startServe(['--fixed', '120', '--noise', '0']);
    const model = createOpenAI({ baseURL: await url, apiKey: 'x' }).chat('sim');
    for (const words of [40, 900]) {
      const result = await generateText({
        model,
        prompt: `Write ${words} words on quarries.`,
        maxRetries: 0,
      });
      expect(result.text.split(/\s+/).length).toBe(120);
    }
    const exit = exitOf(child);
    child.kill('SIGINT');
    await exit;
  });

  it('stops at once, while a request hangs, on SIGTERM, exiting 143 as signalled processes do', async () => {
    const { child, url } = startServe(['--hang', '1']);
    const base = await url;
    const pending = fetch(`${base}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'sim', messages: [{ role: 'user', content: 'hello' }] }),
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const exit = exitOf(child);
    child.kill('SIGTERM');
    expect((await exit).code).toBe(143);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('refuses a bad knob with exit 2 and one line naming it', async () => {
    const result = await runCli({ args: ['sim', 'serve', '--port', '0', '--ttft', 'soon'] });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /--ttft soon is not valid: --ttft expects a duration such as 300ms or 2s/,
    );
    const port = await runCli({ args: ['sim', 'serve', '--port', '70000'] });
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be a whole number from 0 to 65535/);
  });

  it('lists every knob in its help with its type and default', async () => {
    const result = await runCli({ args: ['sim', 'serve', '--help'] });
    expect(result.code).toBe(0);
    for (const flag of [
      '--seed',
      '--ttft',
      '--tps',
      '--slots',
      '--errors',
      '--faults',
      '--rate-limit',
      '--hang',
      '--cut',
      '--bad-json',
      '--empty',
      '--retry-after',
      '--repeat',
      '--ceiling',
      '--fixed',
      '--shrink',
      '--noise',
      '--words',
    ]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toMatch(
      /--slots <n>\s+requests served at once.*\(integer; default: 8\)/s,
    );
  });

  it('runs in-process too, printing one JSON line with --json, and returns 0 when stopped', async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const controller = new AbortController();
    const io = {
      stdout: { write: (text: string) => stdout.push(text) },
      stderr: { write: (text: string) => stderr.push(text) },
      env: {},
      cwd: process.cwd(),
    };
    const running = main({
      argv: ['sim', 'serve', '--port', '0', '--json'],
      io,
      abortSignal: controller.signal,
    });
    while (stdout.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const listening = JSON.parse(stdout[0] ?? '{}');
    expect(listening).toMatchObject({
      event: 'listening',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/),
    });
    expect((await fetch(`${listening.url}/models`)).status).toBe(200);
    controller.abort(new Error('interrupted by the user'));
    expect(await running).toBe(0);
    expect(JSON.parse(stdout[1] ?? '{}')).toMatchObject({ event: 'stopped' });
    expect(stderr.join('')).toContain(simNotice());
  });
});
