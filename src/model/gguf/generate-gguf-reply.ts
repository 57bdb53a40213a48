import {
  APICallError,
  type LanguageModelV3CallOptions,
  type LanguageModelV3FinishReason,
  type LanguageModelV3Usage,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import type { ChatHistoryItem, LlamaChatResponseChunk } from 'node-llama-cpp';
import { renderPrompt } from '../../prompts/render-prompt.js';
import { chatHistoryFromPrompt } from './chat-history-from-prompt.js';
import { grammarSchema } from './grammar-schema.js';
import type { GgufRuntime } from './load-gguf-runtime.js';

const defaultTemperature = 0.8;

/** A piece of the reply as it is generated: answer text, or thinking the chat template marks. */
export interface GgufDelta {
  kind: 'text' | 'reasoning';
  text: string;
}

/** What one generation produced. */
export interface GgufReply {
  finishReason: LanguageModelV3FinishReason;
  usage: LanguageModelV3Usage;
}

/**
 * Generates one reply on the runtime's sequence, reporting each piece through `onDelta`. A JSON
 * response format is enforced with llama.cpp's grammar for its schema. The prompt and reply must
 * fit the context: one that does not is refused the way llama.cpp's server refuses it (HTTP 400,
 * `exceed_context_size_error`), so quire's context-window handling takes over, instead of
 * node-llama-cpp silently dropping the start of the prompt. Aborting throws the signal's reason.
 */
export async function generateGgufReply({
  runtime,
  options,
  onDelta,
}: {
  runtime: GgufRuntime;
  options: LanguageModelV3CallOptions;
  onDelta: (delta: GgufDelta) => void;
}): Promise<GgufReply> {
  if (options.tools !== undefined && options.tools.length > 0) {
    throw new UnsupportedFunctionalityError({ functionality: 'tool calls (gguf: model)' });
  }
  const { module, model, context, chatWrapper } = runtime;
  const format = options.responseFormat;
  const history = await withSchema({
    history: chatHistoryFromPrompt(options.prompt),
    schema: format?.type === 'json' ? format.schema : undefined,
  });
  const inputTokens = chatWrapper
    .generateContextState({ chatHistory: history })
    .contextText.tokenize(model.tokenizer).length;
  const room = context.contextSize - inputTokens;
  if (room <= 0 || (options.maxOutputTokens ?? 0) > room) {
    throw contextRefusal({ inputTokens, contextTokens: context.contextSize });
  }
  const grammar =
    format?.type === 'json'
      ? await runtime.grammarFor(format.schema ? grammarSchema(format.schema) : undefined)
      : undefined;
  const usage = { text: 0, reasoning: 0 };
  const chat = new module.LlamaChat({ contextSequence: runtime.sequence, chatWrapper });
  try {
    const result = await chat.generateResponse(history, {
      maxTokens: options.maxOutputTokens ?? room,
      // llama.cpp's own server samples at 0.8 when a request names no temperature; node-llama-cpp
      // alone would decode greedily, which loops on weak models.
      temperature: options.temperature ?? defaultTemperature,
      topP: options.topP,
      topK: options.topK,
      seed: options.seed,
      grammar,
      customStopTriggers: options.stopSequences,
      signal: options.abortSignal,
      onResponseChunk: (chunk: LlamaChatResponseChunk) => {
        const kind = chunk.type === 'segment' ? 'reasoning' : 'text';
        usage[kind] += chunk.tokens.length;
        if (chunk.text !== '') onDelta({ kind, text: chunk.text });
      },
    });
    const stop = result.metadata.stopReason;
    return {
      finishReason: { unified: stop === 'maxTokens' ? 'length' : 'stop', raw: stop },
      usage: {
        inputTokens: {
          total: inputTokens,
          noCache: inputTokens,
          cacheRead: undefined,
          cacheWrite: undefined,
        },
        outputTokens: {
          total: usage.text + usage.reasoning,
          text: usage.text,
          reasoning: usage.reasoning,
        },
      },
    };
  } finally {
    chat.dispose({ disposeSequence: false });
  }
}

/**
 * The history with the reply's JSON schema added to its system prompt: the grammar forces the
 * shape, but only the schema's descriptions tell the model what each field is for (and a chat
 * server counts the schema as prompt, as quire's token estimates do).
 */
async function withSchema({
  history,
  schema,
}: {
  history: ChatHistoryItem[];
  schema: unknown;
}): Promise<ChatHistoryItem[]> {
  if (schema === undefined) return history;
  const { prompt } = await renderPrompt({
    name: 'gguf-json-schema',
    variables: { schema: JSON.stringify(schema) },
  });
  const [first, ...rest] = history;
  if (first?.type === 'system' && typeof first.text === 'string') {
    return [{ type: 'system', text: `${first.text}\n\n${prompt}` }, ...rest];
  }
  return [{ type: 'system', text: prompt }, ...history];
}

function contextRefusal({
  inputTokens,
  contextTokens,
}: {
  inputTokens: number;
  contextTokens: number;
}): APICallError {
  return new APICallError({
    message: `request (${inputTokens} tokens) exceeds the available context size (${contextTokens} tokens), try increasing it`,
    url: 'gguf:',
    requestBodyValues: {},
    statusCode: 400,
    responseBody: JSON.stringify({
      error: {
        type: 'exceed_context_size_error',
        n_prompt_tokens: inputTokens,
        n_ctx: contextTokens,
      },
    }),
    isRetryable: false,
  });
}
