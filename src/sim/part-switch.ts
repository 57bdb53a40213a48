import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import type { SimToolCall } from './sim-request.js';

/** What a piece of a simulated reply belongs to: its thinking, its text or its tool call. */
export type ReplyPartKind = 'reasoning' | 'text' | 'tool';

/**
 * Tracks which part of a streamed reply is open and writes the AI SDK stream parts around each
 * piece: the `-start` part when a new kind begins, the `-end` part of the one it follows.
 */
export class PartSwitch {
  readonly #call: SimToolCall | undefined;
  #open: ReplyPartKind | undefined;

  constructor(call: SimToolCall | undefined) {
    this.#call = call;
  }

  /** The parts for one piece of `kind`: a switch to it when needed, then the delta. */
  piece(kind: ReplyPartKind, delta: string): LanguageModelV3StreamPart[] {
    const call = this.#call;
    const deltaPart: LanguageModelV3StreamPart =
      kind === 'reasoning'
        ? { type: 'reasoning-delta', id: 'r0', delta }
        : kind === 'tool' && call
          ? { type: 'tool-input-delta', id: call.id, delta }
          : { type: 'text-delta', id: '0', delta };
    return [...this.switchTo(kind), deltaPart];
  }

  /** The parts that close what is open and open `kind`; none when it is open already. */
  switchTo(kind: ReplyPartKind): LanguageModelV3StreamPart[] {
    if (this.#open === kind) return [];
    const parts = this.close();
    this.#open = kind;
    const call = this.#call;
    if (kind === 'reasoning') parts.push({ type: 'reasoning-start', id: 'r0' });
    else if (kind === 'text') parts.push({ type: 'text-start', id: '0' });
    else if (call) parts.push({ type: 'tool-input-start', id: call.id, toolName: call.toolName });
    return parts;
  }

  /** The part that closes what is open, if anything is. */
  close(): LanguageModelV3StreamPart[] {
    const open = this.#open;
    this.#open = undefined;
    if (open === 'reasoning') return [{ type: 'reasoning-end', id: 'r0' }];
    if (open === 'text') return [{ type: 'text-end', id: '0' }];
    if (open === 'tool' && this.#call) return [{ type: 'tool-input-end', id: this.#call.id }];
    return [];
  }
}
