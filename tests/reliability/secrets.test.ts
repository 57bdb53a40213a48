import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { longbenchJsonl } from '../bench/helpers/longbench-rows.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { writeFastConfig } from './helpers/fast-config.js';
import { snapshotTree } from './helpers/snapshot-tree.js';

const tempDir = useTempDir();
const secret = 'sk-live-0123456789abcdefSECRET';
let server: SimServer;
beforeAll(async () => {
  // Faults make quire retry, and print and journal each retry: places a secret could leak to.
  server = await startSimServer({
    port: 0,
    apiKey: secret,
    options: { errors: 0.3, faults: 'rate-limit+server-error', retryAfter: '10ms' },
  });
});
afterAll(() => server.close());

/** Every file under `directory`, with its text. */
async function everyFile(directory: string): Promise<Array<{ name: string; text: string }>> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { name: path.slice(directory.length + 1), text: await readFile(path, 'utf8') };
      }),
  );
}

describe('secrets are neither shown nor stored', () => {
  it('a run with a key: no file of the run, no line printed, holds the key', async () => {
    const cwd = await tempDir();
    await writeFastConfig({ directory: cwd });
    const args = [
      'write',
      '--quality',
      'fast',
      'A note on the tides of Brittany',
      '--words',
      '3000',
    ];
    const model = ['--model', 'openai:sim', '--base-url', server.url, '--out', 'run'];
    const plain = await runCli({ args: [...args, ...model], cwd, env: { OPENAI_API_KEY: secret } });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toMatch(/retrying a model call/);
    const json = await runCli({
      args: [
        '--json',
        'write',
        '--quality',
        'fast',
        'Another note on tides',
        '--words',
        '600',
        ...model.slice(0, -1),
        'run2',
      ],
      cwd,
      env: { OPENAI_API_KEY: secret },
    });
    expect(json.code, json.stderr).toBe(0);
    const files = await everyFile(cwd);
    expect(files.map((file) => file.name)).toEqual(
      expect.arrayContaining(['run/run.json', 'run/journal.jsonl']),
    );
    for (const { name, text } of files) expect(text, name).not.toContain(secret);
    for (const output of [plain.stdout, plain.stderr, json.stdout, json.stderr]) {
      expect(output).not.toContain(secret);
    }
  });

  it('credentials in --base-url: one line at once, no retries, the password nowhere, nothing written', async () => {
    const cwd = await tempDir();
    const before = await snapshotTree(cwd);
    const url = server.url.replace('http://', 'http://alice:hunter2-password@');
    const result = await runCli({
      args: [
        'write',
        '--quality',
        'fast',
        'A note on tides',
        '--model',
        'openai:sim',
        '--base-url',
        url,
      ],
      cwd,
      env: { OPENAI_API_KEY: secret },
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^quire: Invalid configuration in command-line flags: baseUrl: holds credentials/,
      ),
    ]);
    expect(`${result.stdout}${result.stderr}`).not.toContain('hunter2-password');
    expect(await snapshotTree(cwd)).toEqual(before);
  });
});

describe('a key the provider refuses (401): exit 2, one line, and no run left behind', () => {
  const wrongKey = { OPENAI_API_KEY: 'sk-wrong-key' };
  const model = () => ['--model', 'openai:sim', '--base-url', server.url];
  const commands: Record<string, { args: () => string[]; files?: Record<string, string> }> = {
    'quire write': {
      args: () => ['write', '--quality', 'fast', 'A note on tides', ...model(), '--out', 'run'],
    },
    'quire code': {
      args: () => ['code', 'A counter module with tests', ...model(), '--out', 'run'],
    },
    'quire sft': {
      args: () => ['sft', 'instructions.jsonl', '--out', 'data.jsonl', ...model()],
      files: { 'instructions.jsonl': '{"prompt": "Write 300 words on tides."}\n' },
    },
    'quire bench longbench-write': {
      args: () => [
        'bench',
        'longbench-write',
        '--data',
        'data.jsonl',
        '--limit',
        '1',
        ...model(),
        '--out',
        'out',
      ],
      files: { 'data.jsonl': longbenchJsonl() },
    },
  };

  it.each(Object.entries(commands))('%s', async (_name, { args, files = {} }) => {
    const cwd = await tempDir();
    for (const [name, text] of Object.entries(files)) await writeFile(join(cwd, name), text);
    const before = await snapshotTree(cwd);
    const result = await runCli({ args: args(), cwd, env: wrongKey });
    expect(result.code, result.stderr).toBe(2);
    const errors = result.stderr
      .split('\n')
      .filter(
        (line) =>
          line.startsWith('quire: ') &&
          !/^quire: (note|using the simulated model)|instruction\(s\)|item\(s\)/.test(line),
      );
    expect(errors).toEqual([
      expect.stringMatching(/rejected the credentials \(401: .*\): check OPENAI_API_KEY/),
    ]);
    expect(await snapshotTree(cwd)).toEqual(before);
  });
});
