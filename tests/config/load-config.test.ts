import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/errors/config-error.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

async function withConfigFile(content: unknown): Promise<string> {
  const dir = await tempDir();
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  await writeFile(join(dir, 'quire.config.json'), text);
  return dir;
}

describe('loadConfig', () => {
  it('defaults every key when nothing is set', async () => {
    const { config, warnings } = await loadConfig({ cwd: await tempDir(), env: {} });
    expect(config.model).toEqual({ spec: 'sim' });
    expect(config.retry.maxAttempts).toBe(6);
    expect(config.write.contextPolicy).toBe('bounded');
    expect(warnings).toEqual([]);
  });

  it('applies flag > file > environment', async () => {
    const cwd = await withConfigFile({ model: 'openai:from-file', baseUrl: 'http://file:1/v1' });
    const env = {
      QUIRE_MODEL: 'openai:from-env',
      OPENAI_BASE_URL: 'http://env:1/v1',
      OPENAI_API_KEY: 'sk-env',
    };
    const fromFile = await loadConfig({ cwd, env });
    expect(fromFile.config).toMatchObject({
      model: { spec: 'openai:from-file' },
      baseUrl: 'http://file:1/v1',
      apiKey: 'sk-env',
    });
    const fromFlag = await loadConfig({ cwd, env, flags: { model: 'openai:from-flag' } });
    expect(fromFlag.config.model.spec).toBe('openai:from-flag');
    expect(fromFlag.config.baseUrl).toBe('http://file:1/v1');
    const fromEnv = await loadConfig({ cwd: await tempDir(), env });
    expect(fromEnv.config.model.spec).toBe('openai:from-env');
  });

  it('reads QUIRE_REPORT_HTML as a yes or no under a file that sets other report keys', async () => {
    for (const [value, html] of [
      ['false', false],
      ['0', false],
      ['TRUE', true],
      ['1', true],
    ] as const) {
      const { config } = await loadConfig({
        cwd: await tempDir(),
        env: { QUIRE_REPORT_HTML: value },
      });
      expect(config.report.html).toBe(html);
    }
    const cwd = await withConfigFile({ report: { html: true } });
    const { config } = await loadConfig({ cwd, env: { QUIRE_REPORT_HTML: 'false' } });
    expect(config.report.html).toBe(true);
  });

  it('merges nested sections key by key', async () => {
    const cwd = await withConfigFile({ retry: { maxAttempts: 2, initialDelayMs: 5 } });
    const { config } = await loadConfig({ cwd, env: {}, flags: { retry: { maxAttempts: 9 } } });
    expect(config.retry).toMatchObject({ maxAttempts: 9, initialDelayMs: 5, maxDelayMs: 30_000 });
  });

  it('reads an explicit --config file relative to the working directory', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'team.json'), JSON.stringify({ model: 'openai:team' }));
    const { config } = await loadConfig({ cwd, env: {}, configFile: 'team.json' });
    expect(config.model.spec).toBe('openai:team');
  });

  it('reads a file saved with a UTF-8 byte-order mark', async () => {
    const cwd = await withConfigFile('\uFEFF{"model": "openai:bom"}');
    const { config } = await loadConfig({ cwd, env: {} });
    expect(config.model.spec).toBe('openai:bom');
  });

  it('warns when an API key is stored in a file', async () => {
    const cwd = await withConfigFile({ apiKey: 'sk-in-file' });
    const { warnings } = await loadConfig({ cwd, env: {} });
    expect(warnings).toEqual([
      expect.objectContaining({ key: 'apiKey', source: 'quire.config.json' }),
    ]);
  });

  describe('errors name the key and where it came from', () => {
    it.each([
      ['an unknown key', { modle: 'sim' }, 'quire.config.json: modle: unknown key'],
      ['an unknown nested key', { retry: { attempts: 3 } }, 'retry.attempts: unknown key'],
      ['a wrong type', { retry: { maxAttempts: 'three' } }, 'retry.maxAttempts: expected number'],
      ['an out-of-range value', { write: { lengthTolerance: 2 } }, 'write.lengthTolerance'],
      ['a bad enum value', { write: { contextPolicy: 'all' } }, 'write.contextPolicy'],
      ['a bad URL', { baseUrl: 'not a url' }, 'baseUrl'],
    ])('%s in the file', async (_name, content, expected) => {
      const cwd = await withConfigFile(content);
      const error = await loadConfig({ cwd, env: {} }).catch((e) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toContain(expected);
      expect(error.source).toBe('quire.config.json');
    });

    it('invalid JSON, with line and column', async () => {
      const cwd = await withConfigFile('{\n  "model": "sim",\n  oops\n}');
      const error = await loadConfig({ cwd, env: {} }).catch((e) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/quire\.config\.json is not valid JSON \(line 3, column 3\)/);
    });

    it('a file that is not an object', async () => {
      const cwd = await withConfigFile('[1, 2]');
      const error = await loadConfig({ cwd, env: {} }).catch((e) => e);
      expect(error.message).toContain('must hold a JSON object');
    });

    it('a missing explicit --config file', async () => {
      const error = await loadConfig({
        cwd: await tempDir(),
        env: {},
        configFile: 'nope.json',
      }).catch((e) => e);
      expect(error.message).toBe('Config file nope.json does not exist: check the --config path.');
    });

    it('a bad flag value', async () => {
      const error = await loadConfig({
        cwd: await tempDir(),
        env: {},
        flags: { write: { contextPolicy: 'everything' } },
      }).catch((e) => e);
      expect(error.message).toContain('command-line flags: write.contextPolicy');
    });

    it('a bad environment value', async () => {
      const error = await loadConfig({
        cwd: await tempDir(),
        env: { OPENAI_BASE_URL: 'localhost without scheme' },
      }).catch((e) => e);
      expect(error.message).toContain('environment: baseUrl');
    });

    it('a QUIRE_REPORT_HTML that is not a yes or no', async () => {
      const error = await loadConfig({
        cwd: await tempDir(),
        env: { QUIRE_REPORT_HTML: 'maybe' },
      }).catch((e) => e);
      expect(error.message).toContain('environment: report.html');
    });
  });
});

describe('loadConfig refuses settings that cannot work', () => {
  const refusal = (input: Parameters<typeof loadConfig>[0]) =>
    loadConfig(input).then(
      () => 'accepted',
      (error: ConfigError) => error.message,
    );

  it('names both keys, and where each came from, when two settings contradict each other', async () => {
    const cwd = await withConfigFile({ write: { minSectionWords: 2_000 } });
    expect(await refusal({ cwd, env: {} })).toBe(
      'Invalid configuration in quire.config.json: write.minSectionWords: 2000 is larger than write.maxSectionWords (1200, from the defaults): a planned section could be neither split nor merged; lower the first or raise the second.',
    );
    // Reconciled by a flag: the merged configuration is what counts.
    const reconciled = await loadConfig({
      cwd,
      env: {},
      flags: { write: { maxSectionWords: 5_000 } },
    });
    expect(reconciled.config.write.minSectionWords).toBe(2_000);
    expect(
      await refusal({
        cwd: await tempDir(),
        env: {},
        flags: { timeouts: { idleTimeoutMs: 60_000, requestTimeoutMs: 1_000 } },
      }),
    ).toMatch(
      /timeouts\.idleTimeoutMs: 60000 is larger than timeouts\.requestTimeoutMs \(1000, from command-line flags\)/,
    );
    expect(
      await refusal({
        cwd: await tempDir(),
        env: {},
        flags: { retry: { initialDelayMs: 90_000 } },
      }),
    ).toMatch(/retry\.initialDelayMs: 90000 is larger than retry\.maxDelayMs/);
  });

  it('has an upper bound on every number, stated in the error', async () => {
    const cwd = await tempDir();
    for (const [flags, key] of [
      [{ maxTokens: 1e12 }, 'maxTokens: at most 1,000,000,000'],
      [{ maxCost: 1e9 }, 'maxCost: at most 100,000'],
      [{ write: { defaultWords: 1_000_000_000 } }, 'write.defaultWords: at most 200,000'],
      [{ model: { contextTokens: 1e12 } }, 'model.contextTokens: at most 10,000,000'],
      [{ code: { conversationTokens: 1e12 } }, 'code.conversationTokens: at most 10,000,000'],
      [{ retry: { maxDelayMs: 1e12 } }, 'retry.maxDelayMs: at most 86,400,000'],
      [{ code: { memoryLimitMb: 1e9 } }, 'code.memoryLimitMb: at most 65,536'],
      [{ prices: { m: { input: 1e9, output: 1 } } }, 'prices.m.input: at most 10,000'],
    ] as const) {
      expect(await refusal({ cwd, env: {}, flags })).toContain(key);
    }
  });

  it('refuses a base URL that cannot work, without repeating a secret in it', async () => {
    const cwd = await tempDir();
    const message = (baseUrl: string) => refusal({ cwd, env: { OPENAI_BASE_URL: baseUrl } });
    const withCredentials = await message('http://alice:s3cret@localhost:11434/v1');
    expect(withCredentials).toMatch(
      /^Invalid configuration in environment: baseUrl: holds credentials/,
    );
    expect(withCredentials).not.toContain('s3cret');
    expect(await message('ftp://localhost/v1')).toMatch(/the scheme ftp: cannot work/);
    expect(await message('http://localhost/v1?key=abc')).toMatch(/has a query or fragment/);
    expect(await message('localhost:11434')).toMatch(/the scheme localhost: cannot work/);
    expect(await message('not a url')).toMatch(/baseUrl: Invalid URL/);
  });
});
