import type { SimMessage } from './sim-request.js';

/** Characters kept from each end of a long message. */
const endCharacters = 16_384;
/** Messages kept besides the system ones: the latest, where a conversation's request is. */
const latestMessages = 64;

/**
 * The part of a request the simulated model reads to decide its reply (length asked for,
 * language, topic words, paragraphs to repeat): every system message and the latest 64 others,
 * each cut to its first and last 16,384 characters. Instructions sit at the start or the end of
 * a message, so the reply is the same as from the whole text, while the work per request stays
 * bounded however large a prompt a client sends (usage and caching still count all of it). Pure.
 */
export function messagesForAnalysis(messages: readonly SimMessage[]): SimMessage[] {
  const others = messages.filter((message) => message.role !== 'system');
  const kept = new Set(others.slice(-latestMessages));
  return messages
    .filter((message) => message.role === 'system' || kept.has(message))
    .map((message) =>
      message.text.length <= 2 * endCharacters
        ? message
        : {
            ...message,
            text: `${message.text.slice(0, endCharacters)}\n\n${message.text.slice(-endCharacters)}`,
          },
    );
}
