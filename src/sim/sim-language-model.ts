import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
} from '@ai-sdk/provider';
import { connectionDropped } from './connection-dropped.js';
import { hangUntilAbort } from './hang-until-abort.js';
import { faultError } from './openai-error-body.js';
import { PartSwitch } from './part-switch.js';
import { requestFromCallOptions } from './request-from-call-options.js';
import { apiCallErrorFor } from './sim-api-error.js';
import type { SimEngine } from './sim-engine.js';
import type { SimOutcome, SimReply } from './sim-reply.js';
import type { SimRequest } from './sim-request.js';
import { v3FinishReason, v3Usage } from './sim-usage.js';
import { streamFromParts } from './stream-from-parts.js';

/**
 * The simulated model as an AI SDK language model (specification v3). Calls go through the
 * same engine as the HTTP server, so they see the same replies, faults, latency and slots; a
 * fault surfaces as the error the AI SDK's OpenAI client would raise for it.
 */
export class SimLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'quire.sim';
  readonly modelId = 'sim';
  readonly supportedUrls = {};
  readonly engine: SimEngine;

  constructor({ engine }: { engine: SimEngine }) {
    this.engine = engine;
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { request, reply, release, startedAt } = await this.#serve(options);
    try {
      await this.engine.waitForWholeReply({ reply, startedAt, abortSignal: options.abortSignal });
      if (reply.fault === 'cut') throw connectionDropped({ requestBodyValues: request });
      const content: LanguageModelV3Content[] = reply.toolCalls.map((call) => ({
        type: 'tool-call',
        toolCallId: call.id,
        toolName: call.toolName,
        input: call.input,
      }));
      const tagged = reply.thinkingForm === 'tags' ? reply.thinking : '';
      if (tagged + reply.text !== '') content.unshift({ type: 'text', text: tagged + reply.text });
      if (reply.thinking !== '' && reply.thinkingForm !== 'tags') {
        content.unshift({ type: 'reasoning', text: reply.thinking });
      }
      return {
        content,
        finishReason: v3FinishReason(reply),
        usage: v3Usage({ reply, reported: this.engine.options.usage === 'on' }),
        request: { body: request },
        response: { id: reply.id, timestamp: new Date(startedAt), modelId: this.modelId },
        warnings: [],
      };
    } finally {
      release();
    }
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { request, reply, release, startedAt } = await this.#serve(options);
    const parts = (cancelSignal: AbortSignal) =>
      this.#parts({
        request,
        reply,
        startedAt,
        abortSignal: options.abortSignal
          ? AbortSignal.any([options.abortSignal, cancelSignal])
          : cancelSignal,
      });
    return { stream: streamFromParts({ parts, onEnd: release }), request: { body: request } };
  }

  /** Decides the outcome, throws a rejection as an `APICallError`, waits for a slot, hangs. */
  async #serve(options: LanguageModelV3CallOptions) {
    const arrivedAt = this.engine.clock.now();
    const request = requestFromCallOptions(options);
    const outcome: SimOutcome = this.engine.decide(request);
    if (outcome.kind === 'rejected') {
      throw apiCallErrorFor({ reply: faultError(outcome), requestBodyValues: request });
    }
    if (outcome.kind === 'refused') {
      throw apiCallErrorFor({ reply: outcome.error, requestBodyValues: request });
    }
    const { release, startedAt } = await this.engine.startService({
      arrivedAt,
      abortSignal: options.abortSignal,
    });
    if (outcome.kind === 'hang') {
      // No reply ever comes; only the caller giving up ends the wait, as with a stuck server.
      return hangUntilAbort(options.abortSignal).finally(release);
    }
    return { request, reply: outcome.reply, release, startedAt };
  }

  async *#parts({
    request,
    reply,
    startedAt,
    abortSignal,
  }: {
    request: SimRequest;
    reply: SimReply;
    startedAt: number;
    abortSignal: AbortSignal | undefined;
  }): AsyncGenerator<LanguageModelV3StreamPart> {
    yield { type: 'stream-start', warnings: [] };
    yield {
      type: 'response-metadata',
      id: reply.id,
      timestamp: new Date(startedAt),
      modelId: this.modelId,
    };
    const call = reply.toolCalls[0];
    const parts = new PartSwitch(call);
    // Thinking left in the content (`tags`) is text, as a server without a reasoning parser sends it.
    const separate = reply.thinkingForm !== 'tags';
    const count = reply.cutAfter ?? reply.deltas.length;
    for await (const index of this.engine.pace({ reply, startedAt, count, abortSignal })) {
      const thinking = index < reply.thinkingDeltas;
      const kind = thinking && separate ? 'reasoning' : call && !thinking ? 'tool' : 'text';
      yield* parts.piece(kind, reply.deltas[index] ?? '');
    }
    if (reply.fault === 'cut') throw connectionDropped({ requestBodyValues: request });
    // A reply that wrote nothing after its thinking still opens and closes its answer.
    yield* parts.switchTo(call ? 'tool' : 'text');
    yield* parts.close();
    if (call) {
      yield { type: 'tool-call', toolCallId: call.id, toolName: call.toolName, input: call.input };
    }
    yield {
      type: 'finish',
      finishReason: v3FinishReason(reply),
      usage: v3Usage({ reply, reported: this.engine.options.usage === 'on' }),
    };
  }
}
