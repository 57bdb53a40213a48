import { closeSync, openSync, readSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { GgufModelError } from '../../errors/gguf-model-error.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import { GgufLanguageModel } from './gguf-language-model.js';
import { defaultGgufSettings, type GgufSettings } from './gguf-settings.js';
import { checkNodeLlamaCppInstalled } from './import-node-llama-cpp.js';
import { type GgufRuntime, loadGgufRuntime } from './load-gguf-runtime.js';

/** What quire learns from a model that runs in-process once it is loaded. */
export interface LocalModelInfo {
  /** The context size the model was loaded with: `model.contextTokens`, else the file's. */
  contextTokens(): Promise<number>;
  /** Counts in the model's own vocabulary. */
  tokenCounter(): Promise<TokenCounter>;
}

/**
 * A `gguf:<path>` model: checks now that the file is a GGUF model and that node-llama-cpp is
 * installed (throwing `GgufModelError`, an input error), and loads it on first use. The path is
 * taken from the current directory.
 */
export function createGgufModel({
  path,
  settings = defaultGgufSettings,
  contextTokens,
  packageName,
}: {
  path: string;
  settings?: GgufSettings;
  /** `model.contextTokens`: the context to allocate, instead of the file's trained size. */
  contextTokens?: number | undefined;
  /** The package to load (a test names a missing one). */
  packageName?: string;
}): { model: GgufLanguageModel; local: LocalModelInfo } {
  checkGgufFile(path);
  checkNodeLlamaCppInstalled({ path, packageName });
  let runtime: Promise<GgufRuntime> | undefined;
  const load = () => {
    runtime ??= loadGgufRuntime({ path: resolve(path), settings, contextTokens, packageName });
    return runtime;
  };
  return {
    model: new GgufLanguageModel({ modelId: basename(path), load }),
    local: {
      contextTokens: async () => (await load()).context.contextSize,
      tokenCounter: async () => {
        const { model } = await load();
        return { name: 'gguf', count: (text) => model.tokenize(text).length, lowestRatio: () => 1 };
      },
    },
  };
}

/** Throws `GgufModelError` unless `path` is a readable file that starts with GGUF's magic. */
function checkGgufFile(path: string): void {
  const magic = Buffer.alloc(4);
  try {
    const file = openSync(path, 'r');
    try {
      readSync(file, magic, 0, 4, 0);
    } finally {
      closeSync(file);
    }
  } catch (error) {
    throw new GgufModelError({
      problem: 'missingFile',
      path,
      message: `Cannot read the model file "${path}" of gguf:${path}: ${(error as Error).message}. Give the path of a .gguf file, e.g. --model gguf:./models/model.Q4_K_M.gguf.`,
      cause: error,
    });
  }
  if (magic.toString('latin1') !== 'GGUF') {
    throw new GgufModelError({
      problem: 'notGguf',
      path,
      message: `"${path}" is not a GGUF model: it starts with ${JSON.stringify(magic.toString('latin1'))} where a GGUF file starts with "GGUF". Convert the model with llama.cpp's convert_hf_to_gguf.py, or download a .gguf build of it.`,
    });
  }
}
