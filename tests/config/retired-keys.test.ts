import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { migrateStoredConfig } from '../../src/config/retired-keys.js';
import { ConfigError } from '../../src/errors/config-error.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

async function withConfigFile(content: object): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, 'quire.config.json'), JSON.stringify(content));
  return dir;
}

describe('the model key', () => {
  it('takes a spec string, or an object with the context window', async () => {
    const short = await loadConfig({ cwd: await withConfigFile({ model: 'openai:x' }), env: {} });
    expect(short.config.model).toEqual({ spec: 'openai:x' });
    const long = await loadConfig({
      cwd: await withConfigFile({ model: { spec: 'openai:x', contextTokens: 8_192 } }),
      env: {},
    });
    expect(long.config.model).toEqual({ spec: 'openai:x', contextTokens: 8_192 });
  });

  it("combines a file's model with a flag's context window", async () => {
    const cwd = await withConfigFile({ model: 'openai:from-file' });
    const { config } = await loadConfig({
      cwd,
      env: { QUIRE_MODEL: 'openai:from-env' },
      flags: { model: { spec: undefined, contextTokens: 2_048 } },
    });
    expect(config.model).toEqual({ spec: 'openai:from-file', contextTokens: 2_048 });
  });

  it('refuses a window too small to hold anything', async () => {
    const cwd = await withConfigFile({ model: { contextTokens: 100 } });
    await expect(loadConfig({ cwd, env: {} })).rejects.toThrow(/model\.contextTokens/);
  });
});

describe('retired keys', () => {
  it.each([
    [{ write: { contextTokens: 8_000 } }, 'write.contextTokens', /model\.contextTokens/],
    [{ code: { contextTokens: 8_000 } }, 'code.contextTokens', /code\.conversationTokens/],
    [{ write: { memory: 'notes' } }, 'write.memory', /write\.ledger/],
  ])('fail loudly and name their replacement: %j', async (content, key, replacement) => {
    const error = await loadConfig({ cwd: await withConfigFile(content), env: {} }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(key);
    expect((error as Error).message).toMatch(replacement);
    expect((error as Error).message).not.toContain('unknown key');
  });

  it("are migrated in a run's own record, which is not the user's input", () => {
    expect(
      migrateStoredConfig({
        model: 'sim',
        write: { contextTokens: 100_000, memory: 'summariser', tailWords: 250 },
        code: { contextTokens: 24_000, maxSteps: 3 },
      }),
    ).toEqual({
      model: 'sim',
      write: { tailWords: 250, quality: 'fast' },
      code: { conversationTokens: 24_000, maxSteps: 3 },
    });
  });

  it('resumes a run recorded before the quality levels as the single pass it was, and a later run at its own level', () => {
    expect(migrateStoredConfig({ write: { tailWords: 250 } })).toEqual({
      write: { tailWords: 250, quality: 'fast' },
    });
    expect(migrateStoredConfig({ write: { quality: 'best' } })).toEqual({
      write: { quality: 'best' },
    });
  });
});
