import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
} from '@ai-sdk/provider';
import { type GgufDelta, generateGgufReply } from './generate-gguf-reply.js';
import type { GgufRuntime } from './load-gguf-runtime.js';

/**
 * A GGUF model run in-process by node-llama-cpp, as an AI SDK language model (specification
 * v3): text streams as it is generated, usage counts the model's own tokens, `length` ends a
 * reply cut at `maxOutputTokens`, the abort signal stops generation, and a JSON response format
 * is enforced by grammar. The model loads on the first call; calls take turns on its one context.
 */
export class GgufLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'quire.gguf';
  readonly modelId: string;
  readonly supportedUrls = {};
  readonly #load: () => Promise<GgufRuntime>;
  #turn: Promise<void> = Promise.resolve();
  #replies = 0;

  constructor({ modelId, load }: { modelId: string; load: () => Promise<GgufRuntime> }) {
    this.modelId = modelId;
    this.#load = load;
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const pieces = { text: '', reasoning: '' };
    const reply = await this.#generate(options, ({ kind, text }) => {
      pieces[kind] += text;
    });
    const content: LanguageModelV3Content[] = [];
    if (pieces.reasoning !== '') content.push({ type: 'reasoning', text: pieces.reasoning });
    if (pieces.text !== '') content.push({ type: 'text', text: pieces.text });
    return { content, ...reply, warnings: [] };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const cancelled = new AbortController();
    const abortSignal = options.abortSignal
      ? AbortSignal.any([options.abortSignal, cancelled.signal])
      : cancelled.signal;
    const id = `gguf-${++this.#replies}`;
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start: (controller) => {
        controller.enqueue({ type: 'stream-start', warnings: [] });
        controller.enqueue({
          type: 'response-metadata',
          id,
          timestamp: new Date(),
          modelId: this.modelId,
        });
        let open: GgufDelta['kind'] | undefined;
        let block = 0;
        const close = () => {
          if (open !== undefined) controller.enqueue({ type: `${open}-end`, id: `${id}-${block}` });
          open = undefined;
        };
        this.#generate({ ...options, abortSignal }, ({ kind, text }) => {
          if (open !== kind) {
            close();
            open = kind;
            block++;
            controller.enqueue({ type: `${kind}-start`, id: `${id}-${block}` });
          }
          controller.enqueue({ type: `${kind}-delta`, id: `${id}-${block}`, delta: text });
        }).then(
          (reply) => {
            close();
            controller.enqueue({ type: 'finish', ...reply });
            controller.close();
          },
          (error: unknown) => {
            if (!cancelled.signal.aborted) controller.error(error);
          },
        );
      },
      cancel: (reason) => cancelled.abort(reason),
    });
    return { stream };
  }

  /** Loads the model if needed, waits for the context to be free, and generates. */
  async #generate(options: LanguageModelV3CallOptions, onDelta: (delta: GgufDelta) => void) {
    const runtime = await this.#load();
    const previous = this.#turn;
    let release = () => {};
    this.#turn = new Promise((resolve) => {
      release = resolve;
    });
    try {
      await previous;
      options.abortSignal?.throwIfAborted();
      return await generateGgufReply({ runtime, options, onDelta });
    } finally {
      release();
    }
  }
}
