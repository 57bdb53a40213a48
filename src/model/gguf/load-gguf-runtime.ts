import type {
  ChatWrapper,
  Llama,
  LlamaContext,
  LlamaContextSequence,
  LlamaGrammar,
  LlamaModel,
} from 'node-llama-cpp';
import { GgufModelError } from '../../errors/gguf-model-error.js';
import { finiteNumberGrammar } from './finite-number-grammar.js';
import { type GgufSettings, smallModelBytes } from './gguf-settings.js';
import type { GrammarSchema } from './grammar-schema.js';
import { importNodeLlamaCpp, type NodeLlamaCppModule } from './import-node-llama-cpp.js';

/** A loaded GGUF model, ready to generate: one context with one sequence, used in turn. */
export interface GgufRuntime {
  module: NodeLlamaCppModule;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  /** The context's one sequence: calls take turns on it. */
  sequence: LlamaContextSequence;
  chatWrapper: ChatWrapper;
  /** The grammar for a JSON schema (any JSON without one), built once per schema. */
  grammarFor(schema: GrammarSchema | undefined): Promise<LlamaGrammar>;
}

/**
 * Loads a GGUF file with node-llama-cpp: the model with its GPU layers, a context of
 * `contextTokens` (unset: what the file was trained for, as far as memory allows) and the chat
 * wrapper from the settings or the file's template. Throws `GgufModelError` when llama.cpp cannot
 * load the file or the chat template name is unknown.
 */
export async function loadGgufRuntime({
  path,
  settings,
  contextTokens,
  packageName,
}: {
  path: string;
  settings: GgufSettings;
  contextTokens: number | undefined;
  packageName?: string;
}): Promise<GgufRuntime> {
  const module = await importNodeLlamaCpp({ path, packageName });
  const failed = (cause: unknown, what: string) =>
    new GgufModelError({
      problem: 'loadFailed',
      path,
      message: `Could not ${what} "gguf:${path}": ${String(cause instanceof Error ? cause.message : cause).slice(0, 200)}. Check that the file is a complete GGUF model, or lower gguf.gpuLayers and model.contextTokens if memory ran out.`,
      cause,
    });
  const llama = await module
    .getLlama({
      gpu: settings.gpuLayers === 0 ? false : 'auto',
      logLevel: module.LlamaLogLevel.error,
    })
    .catch((cause: unknown) => {
      throw failed(cause, 'start llama.cpp for');
    });
  const model = await llama
    .loadModel({ modelPath: path, gpuLayers: settings.gpuLayers })
    .catch((cause: unknown) => {
      throw failed(cause, 'load');
    });
  const threads =
    settings.threads !== 'auto' ? settings.threads : model.size < smallModelBytes ? 1 : undefined;
  const context = await model
    .createContext({ contextSize: contextTokens ?? 'auto', sequences: 1, threads })
    .catch((cause: unknown) => {
      throw failed(cause, 'create a context for');
    });
  const chatWrapper = resolveWrapper({ module, model, name: settings.chatTemplate, path });
  const grammars = new Map<string, Promise<LlamaGrammar>>();
  return {
    module,
    llama,
    model,
    context,
    sequence: context.getSequence(),
    chatWrapper,
    grammarFor(schema) {
      const key = JSON.stringify(schema ?? null);
      let grammar = grammars.get(key);
      if (grammar === undefined) {
        grammar =
          schema === undefined
            ? llama.getGrammarFor('json')
            : llama
                .createGrammarForJsonSchema(schema as never)
                .then((generated) =>
                  llama.createGrammar({ grammar: finiteNumberGrammar(generated.grammar) }),
                );
        grammars.set(key, grammar);
      }
      return grammar;
    },
  };
}

function resolveWrapper({
  module,
  model,
  name,
  path,
}: {
  module: NodeLlamaCppModule;
  model: LlamaModel;
  name: string;
  path: string;
}): ChatWrapper {
  const names: readonly string[] = module.resolvableChatWrapperTypeNames;
  if (!names.includes(name)) {
    throw new GgufModelError({
      problem: 'loadFailed',
      path,
      message: `Unknown gguf.chatTemplate "${name}": use auto (the template in the GGUF file) or one of ${names.filter((each) => each !== 'auto').join(', ')}.`,
    });
  }
  return module.resolveChatWrapper(model, { type: name as never });
}
