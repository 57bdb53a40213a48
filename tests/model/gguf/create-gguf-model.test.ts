import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GgufModelError } from '../../../src/errors/gguf-model-error.js';
import { createGgufModel } from '../../../src/model/gguf/create-gguf-model.js';
import { resolveModel } from '../../../src/model/resolve-model.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { writeTinyGguf } from '../../helpers/tiny-gguf.js';

const tempDir = useTempDir();

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('createGgufModel', () => {
  it('names the one install command when node-llama-cpp cannot be resolved', async () => {
    const path = await writeTinyGguf({ directory: await tempDir() });
    const error = caught(() =>
      createGgufModel({ path, packageName: 'node-llama-cpp-missing-for-this-test' }),
    );
    expect(error).toBeInstanceOf(GgufModelError);
    expect(error).toMatchObject({ problem: 'missingDependency', category: 'input' });
    expect((error as Error).message).toContain(
      'run npm install node-llama-cpp-missing-for-this-test@3.21.1',
    );
  });

  it('refuses a missing file and a file that is not GGUF, before loading anything', async () => {
    const directory = await tempDir();
    const missing = caught(() => resolveModel({ spec: `gguf:${join(directory, 'none.gguf')}` }));
    expect(missing).toMatchObject({ problem: 'missingFile', category: 'input' });
    expect((missing as Error).message).toMatch(
      /^Cannot read the model file ".*none\.gguf" of gguf:/,
    );
    const text = join(directory, 'model.gguf');
    await writeFile(text, 'not a model');
    const notGguf = caught(() => resolveModel({ spec: `gguf:${text}` }));
    expect(notGguf).toMatchObject({ problem: 'notGguf', category: 'input' });
    expect((notGguf as Error).message).toMatch(/is not a GGUF model: it starts with "not "/);
  });

  it('resolves gguf:<path> to a model named after its file, with its context and tokenizer', async () => {
    const path = await writeTinyGguf({ directory: await tempDir(), name: 'small.gguf' });
    const resolved = resolveModel({ spec: `gguf:${path}` });
    expect(resolved).toMatchObject({ modelId: 'small.gguf', simulated: false });
    expect(resolved.model).toMatchObject({ provider: 'quire.gguf', specificationVersion: 'v3' });
    expect(resolved.local).toBeDefined();
  });

  it('says which chat templates exist when the configured one does not', async () => {
    const path = await writeTinyGguf({ directory: await tempDir() });
    const { local } = createGgufModel({
      path,
      settings: { chatTemplate: 'nonesuch', gpuLayers: 0, threads: 1 },
    });
    await expect(local.contextTokens()).rejects.toThrow(
      /Unknown gguf.chatTemplate "nonesuch": use auto .* or one of .*chatML/,
    );
  });
});
