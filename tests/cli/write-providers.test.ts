import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { RunInfoSchema } from '../../src/store/run-info-schema.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

async function readInfo(directory: string) {
  return RunInfoSchema.parse(JSON.parse(await readFile(join(directory, 'run.json'), 'utf8')));
}

describe('quire write on other providers, against the sim server', () => {
  let server: SimServer;
  beforeAll(async () => {
    server = await startSimServer({ port: 0, apiKey: 'sk-ant-test' });
  });
  afterAll(() => server.close());

  it('writes a 5,000-word document through the Anthropic client and the Messages API, usage counted and priced', async () => {
    const cwd = await tempDir();
    const result = await runCli({
      args: [
        'write',
        '--quality',
        'fast',
        'A field guide to tide pools',
        '--words',
        '5000',
        '--out',
        'run',
      ],
      cwd,
      env: {
        ANTHROPIC_API_KEY: 'sk-ant-test',
        ANTHROPIC_BASE_URL: server.url,
        QUIRE_MODEL: 'anthropic:claude-sonnet-4-5',
      },
    });
    expect(result.code, result.stderr).toBe(0);
    const info = await readInfo(join(cwd, 'run'));
    expect(info.status).toBe('completed');
    expect(info.model).toMatchObject({ spec: 'anthropic:claude-sonnet-4-5', simulated: false });
    const document = await readFile(join(cwd, 'run', 'document.md'), 'utf8');
    const words = document.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(4_500);
    // Counted from the provider's reports, not estimated, and priced from the table.
    expect(info.usage.estimated).toBeUndefined();
    expect(info.usage.calls).toBeGreaterThan(5);
    expect(info.usage.inputTokens).toBeGreaterThan(1_000);
    expect(info.usage.outputTokens).toBeGreaterThan(5_000);
    expect(info.costUsd).toBeGreaterThan(0.05);
  }, 180_000);

  it('honours --max-cost on an Anthropic model from its built-in price', async () => {
    const cwd = await tempDir();
    const result = await runCli({
      args: [
        'write',
        '--quality',
        'fast',
        'A field guide to kelp',
        '--words',
        '3000',
        '--max-cost',
        '0.02',
      ],
      cwd,
      env: {
        ANTHROPIC_API_KEY: 'sk-ant-test',
        ANTHROPIC_BASE_URL: server.url,
        QUIRE_MODEL: 'anthropic:claude-sonnet-4-5-20250929',
      },
    });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/cost budget is spent/);
  }, 120_000);

  it('sends the planner to the model in config stages.planner, and the writing to the run model', async () => {
    const cwd = await tempDir();
    const config = JSON.stringify({
      model: 'sim',
      stages: { planner: 'anthropic:claude-opus-4-5' },
    });
    const run = (key: string, out: string) =>
      runCli({
        args: [
          'write',
          '--quality',
          'fast',
          'A note on limpets',
          '--words',
          '600',
          '--out',
          out,
          '--config',
          'q.json',
        ],
        cwd,
        env: { ANTHROPIC_API_KEY: key, ANTHROPIC_BASE_URL: server.url },
      });
    await writeFile(join(cwd, 'q.json'), config);
    const right = await run('sk-ant-test', 'right');
    expect(right.code, right.stderr).toBe(0);
    expect((await readInfo(join(cwd, 'right'))).model.spec).toBe('sim');
    // Only the planner talks to the Messages endpoint: a key it refuses stops the run at its plan.
    const wrong = await run('sk-ant-wrong', 'wrong');
    expect(wrong.code, wrong.stderr).toBe(2);
    expect(wrong.stderr).toMatch(
      /claude-opus-4-5 rejected the credentials \(401.*\): check ANTHROPIC_API_KEY\./,
    );
  }, 120_000);

  it('writes through ollama: at OLLAMA_HOST, with the usage Ollama reports on streams', async () => {
    const ollama = await startSimServer({ port: 0, options: { server: 'ollama' } });
    try {
      const cwd = await tempDir();
      const result = await runCli({
        args: [
          'write',
          '--quality',
          'fast',
          'A note on barnacles',
          '--words',
          '600',
          '--out',
          'run',
        ],
        cwd,
        env: { OLLAMA_HOST: `127.0.0.1:${ollama.port}`, QUIRE_MODEL: 'ollama:sim' },
      });
      expect(result.code, result.stderr).toBe(0);
      const info = await readInfo(join(cwd, 'run'));
      expect(info.usage.estimated).toBeUndefined();
      expect(info.usage.outputTokens).toBeGreaterThan(600);
      // The window comes from Ollama's own /api/show, asked at the same host.
      expect(info.contextWindow?.source).not.toBe('assumed');
    } finally {
      await ollama.close();
    }
  }, 120_000);
});
