import { z } from 'zod';
import type { TokenCounter } from '../tokens/token-counter.js';
import { formatTokens } from './format-tokens.js';
import type { ContextOverflow } from './parse-context-overflow.js';
import { type ServerKind, serverKinds } from './server-kind.js';

/**
 * Where the window's size came from: `config` (`model.contextTokens`, `--context-tokens`); a
 * server's discovery endpoint; `gguf file` (the context a `gguf:` model was loaded with);
 * `ollama default` (Ollama without `num_ctx`: its documented
 * default); `assumed` (nothing said); or learned from a `refusal` or a `truncation`.
 */
export const contextWindowSources = [
  'config',
  'llama.cpp /props',
  'vllm /v1/models',
  'ollama /api/show',
  'ollama default',
  'gguf file',
  'assumed',
  'refusal',
  'truncation',
] as const;

/** See `contextWindowSources`. */
export type ContextWindowSource = (typeof contextWindowSources)[number];

/** The window as run.json records it. */
export const ContextWindowStateSchema = z.object({
  /** Prompt and reply together, in the server's tokens. */
  tokens: z.number().int().positive(),
  source: z.enum(contextWindowSources),
  /** The server, when discovery or a refusal showed which one it is. */
  server: z.enum(serverKinds).optional(),
});

/** See `ContextWindowStateSchema`. */
export type ContextWindowState = z.infer<typeof ContextWindowStateSchema>;

/** What a reply's reported prompt tokens say about the prompt sent. */
export type PromptCheck = 'whole' | 'truncated';

/** Share of the window quire fills at most: room for its token count being a little off. */
const fill = 0.95;
/** Prompts shorter than this say little about how the server counts. */
const calibrationFloor = 256;
/**
 * No server runs a window this small: a prompt count below it is a server that counts no
 * tokens (some report 0), not a cut prompt.
 */
const smallestWindow = 512;
/**
 * A reply is suspect when the server counted its prompt this much below what quire expects:
 * its own count times the highest server-to-quire ratio seen on the run's earlier prompts, or,
 * before any, times the lowest ratio a whole prompt may show (1 for an exact tokenizer; 0.55 to
 * 0.8 for quire's estimate, by the prompt's share of CJK text).
 */
export const truncationTolerance = 0.2;
/**
 * Ollama cuts a prompt to exactly its `num_ctx`, a round size: a count that is a multiple of
 * 256 is suspect already this much below what quire expects (before any ratio is known, below
 * quire's own count).
 */
export const roundTruncationTolerance = 0.02;
/** The smallest reply worth asking for. */
export const minimumReplyTokens = 128;

/**
 * What quire knows about one run's context window: its size and where it came from, the
 * counter for the model's tokens, and how the server's counts compare with quire's. Learns from
 * refusals and from silently cut prompts; `onLearn` hears every change, to record it.
 */
export class ContextWindow {
  readonly counter: TokenCounter;
  #state: ContextWindowState;
  /** Highest server-to-quire token ratio seen on whole prompts; undefined before any. */
  #ratio: number | undefined;
  readonly #onLearn: ((state: ContextWindowState, reason: string) => void) | undefined;

  constructor({
    state,
    counter,
    onLearn,
  }: {
    state: ContextWindowState;
    counter: TokenCounter;
    onLearn?: (state: ContextWindowState, reason: string) => void;
  }) {
    this.#state = { ...state };
    this.counter = counter;
    this.#onLearn = onLearn;
  }

  get state(): ContextWindowState {
    return { ...this.#state };
  }

  /** Most tokens, by quire's count, a prompt and its reply may take together. */
  budget(): number {
    return Math.floor((this.#state.tokens * fill) / (this.#ratio ?? 1));
  }

  /**
   * The reply limit a prompt of `sentTokens` may ask for: `outputTokens` lowered to what the
   * window leaves, or `fits: false` when not even a short reply fits beside the prompt.
   */
  fit({
    sentTokens,
    outputTokens,
  }: {
    sentTokens: number;
    outputTokens: number | undefined;
  }): { fits: true; outputTokens: number | undefined } | { fits: false; room: number } {
    const room = this.budget() - sentTokens;
    const needed = Math.min(outputTokens ?? minimumReplyTokens, minimumReplyTokens);
    if (room < needed) return { fits: false, room };
    return {
      fits: true,
      outputTokens: outputTokens === undefined ? undefined : Math.min(outputTokens, room),
    };
  }

  /**
   * Compares the prompt tokens a server reported with quire's count of what it sent: a prompt
   * counted far lower was cut (the window is then learned from it); a whole one calibrates the
   * ratio between the server's tokens and quire's. A `gguf:` model runs in quire's own process,
   * which refuses a prompt too long for its context rather than cutting it: its count only
   * calibrates (quire counts each message apart, the chat template joins them, so the two
   * differ without anything being cut).
   */
  checkPrompt({
    sentTokens,
    reportedTokens,
    lowestRatio,
  }: {
    sentTokens: number;
    reportedTokens: number;
    /** See `TokenCounter.lowestRatio`. */
    lowestRatio: number;
  }): PromptCheck {
    // A round count is judged against quire's own count: that it is round is the evidence.
    const round = reportedTokens > 0 && reportedTokens % 256 === 0;
    const expected = sentTokens * (this.#ratio ?? (round ? 1 : lowestRatio));
    const tolerance = round ? roundTruncationTolerance : truncationTolerance;
    if (reportedTokens < smallestWindow) return 'whole';
    const cuts = this.#state.server !== 'gguf';
    if (cuts && sentTokens >= calibrationFloor && reportedTokens < expected * (1 - tolerance)) {
      this.learn({
        tokens: Math.min(this.#state.tokens, reportedTokens),
        source: 'truncation',
        reason: `the server counted ${formatTokens(reportedTokens)} prompt tokens where quire sent about ${formatTokens(sentTokens)}: it cut the prompt`,
      });
      return 'truncated';
    }
    this.#calibrate({ sentTokens, serverTokens: reportedTokens });
    return 'whole';
  }

  /**
   * Learns from a context-length refusal: the window it names (else a quarter less than what
   * was refused) and the server's count of the prompt.
   */
  learnFromRefusal({
    overflow,
    sentTokens,
  }: {
    overflow: ContextOverflow;
    sentTokens: number;
  }): void {
    if (overflow.promptTokens !== undefined) {
      this.#calibrate({ sentTokens, serverTokens: overflow.promptTokens });
    }
    const refused =
      (overflow.promptTokens ?? sentTokens * (this.#ratio ?? 1)) + (overflow.outputTokens ?? 0);
    const tokens =
      overflow.windowTokens ?? Math.floor(Math.min(this.#state.tokens, refused) * 0.75);
    this.learn({
      tokens,
      source: 'refusal',
      server: overflow.server,
      reason:
        overflow.windowTokens === undefined
          ? 'the server refused a request as too long without saying its window'
          : `the server refused a request as longer than its ${formatTokens(overflow.windowTokens)}-token window`,
    });
  }

  /** Sets the window (and the server, when now known); tells `onLearn` when anything changed. */
  learn({
    tokens,
    source,
    server = this.#state.server,
    reason,
  }: {
    tokens: number;
    source: ContextWindowSource;
    server?: ServerKind | undefined;
    reason: string;
  }): void {
    if (tokens === this.#state.tokens && server === this.#state.server) return;
    this.#state = { tokens, source, server };
    this.#onLearn?.(this.state, reason);
  }

  #calibrate({ sentTokens, serverTokens }: { sentTokens: number; serverTokens: number }): void {
    if (sentTokens < calibrationFloor || serverTokens <= 0) return;
    this.#ratio = Math.max(this.#ratio ?? 0, serverTokens / sentTokens);
  }
}
