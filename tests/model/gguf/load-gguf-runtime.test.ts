import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GgufModelError } from '../../../src/errors/gguf-model-error.js';
import { defaultGgufSettings, type GgufSettings } from '../../../src/model/gguf/gguf-settings.js';
import { type GgufRuntime, loadGgufRuntime } from '../../../src/model/gguf/load-gguf-runtime.js';
import { tinyGgufBytes, writeTinyGguf } from '../../helpers/tiny-gguf.js';

// Real loads of the generated tiny model; the one with explicit settings is shared by the file.
let directory: string;
let path: string;
let runtime: GgufRuntime;
const explicit: GgufSettings = { chatTemplate: 'chatML', gpuLayers: 0, threads: 2 };

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'quire-gguf-'));
  path = await writeTinyGguf({ directory });
  runtime = await loadGgufRuntime({ path, settings: explicit, contextTokens: 512 });
}, 60_000);
afterAll(async () => {
  await runtime?.model.dispose();
  await rm(directory, { recursive: true, force: true });
});

function load(settings: GgufSettings, at = path) {
  return loadGgufRuntime({ path: at, settings, contextTokens: 512 });
}

describe('loadGgufRuntime', () => {
  it('uses the configured chat template and thread count, on the CPU when gpuLayers is 0', () => {
    expect(runtime.chatWrapper).toBeInstanceOf(runtime.module.ChatMLChatWrapper);
    expect(runtime.context.currentThreads).toBe(2);
    expect(runtime.llama.gpu).toBe(false);
    expect(runtime.context.contextSize).toBe(512);
  });

  it('runs a small model on one thread when threads is auto, with the template of the file', async () => {
    const automatic = await load(defaultGgufSettings);
    try {
      expect(automatic.context.currentThreads).toBe(1);
      expect(automatic.chatWrapper).not.toBeInstanceOf(automatic.module.ChatMLChatWrapper);
    } finally {
      await automatic.model.dispose();
    }
  });

  it('builds the grammar of each schema once, with finite numbers, and any JSON without one', async () => {
    const integer = { type: 'integer' };
    const first = runtime.grammarFor(integer);
    expect(runtime.grammarFor({ type: 'integer' })).toBe(first);
    const text = runtime.grammarFor({ type: 'string' });
    expect(text).not.toBe(first);
    expect((await first).grammar).toContain(
      'integer-number-rule ::= "-"? ("0" | [1-9] [0-9]{0,14})',
    );
    expect((await text).grammar).not.toBe((await first).grammar);
    const json = runtime.grammarFor(undefined);
    expect(runtime.grammarFor(undefined)).toBe(json);
    expect((await json).grammar).toBe((await runtime.llama.getGrammarFor('json')).grammar);
  });

  it('names every chat template but auto when the configured one does not exist', async () => {
    const error = await load({ ...explicit, chatTemplate: 'nonesuch' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GgufModelError);
    expect(error).toMatchObject({ problem: 'loadFailed', path });
    const message = (error as Error).message;
    expect(message).toMatch(/^Unknown gguf.chatTemplate "nonesuch": use auto \(the template/);
    const listed = message.slice(message.indexOf('one of ') + 'one of '.length, -1).split(', ');
    expect(listed).toContain('chatML');
    expect(listed).toContain('llama3.1');
    expect(listed).not.toContain('auto');
  });

  it('says the file could not be loaded when llama.cpp rejects a truncated model', async () => {
    const truncated = join(directory, 'truncated.gguf');
    const bytes = tinyGgufBytes({});
    await writeFile(truncated, bytes.subarray(0, bytes.length / 2));
    const error = await load(explicit, truncated).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GgufModelError);
    expect(error).toMatchObject({ problem: 'loadFailed', path: truncated });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Could not load "gguf:${truncated}": .+\\. Check that the file is a complete GGUF model`,
      ),
    );
  });

  it('names the install command when the package it is given is not installed', async () => {
    const error = await loadGgufRuntime({
      path,
      settings: explicit,
      contextTokens: 512,
      packageName: 'node-llama-cpp-missing-for-this-test',
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ problem: 'missingDependency' });
  });
});
