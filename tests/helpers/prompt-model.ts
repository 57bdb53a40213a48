import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { type ScriptedReply, streamReply } from './mock-model.js';

/** What a scripted reply function sees of a call. */
export interface PromptCall {
  /** 0-based number of the call. */
  index: number;
  /** Text of the last user message. */
  prompt: string;
  system: string;
  /** True when the call asked for JSON (structured output). */
  json: boolean;
  options: LanguageModelV3CallOptions;
}

/**
 * A `MockLanguageModelV3` whose replies are computed from each call's prompt by `reply`, for
 * pipeline tests that need answers shaped by what was asked (lengths, JSON or text).
 */
export function promptModel(reply: (call: PromptCall) => ScriptedReply): MockLanguageModelV3 {
  let index = 0;
  return new MockLanguageModelV3({
    modelId: 'prompt-model',
    doStream: async (options) => {
      const messages = options.prompt;
      const user = [...messages].reverse().find((message) => message.role === 'user');
      const system = messages.find((message) => message.role === 'system');
      const prompt =
        user && Array.isArray(user.content)
          ? user.content.map((part) => (part.type === 'text' ? part.text : '')).join('')
          : '';
      const result = reply({
        index: index++,
        prompt,
        system: typeof system?.content === 'string' ? system.content : '',
        json: options.responseFormat?.type === 'json',
        options,
      });
      if (result instanceof Error) throw result;
      return streamReply(result);
    },
  });
}

/** The last "about N words" in a prompt: the length the writer was asked for. */
export function wordsAsked(prompt: string): number {
  const matches = [...prompt.matchAll(/about (\d+) (?:words|Chinese characters)/g)];
  return Number(matches.at(-1)?.[1] ?? 100);
}

const vocabulary =
  'river harbour tide moon current basin estuary channel shore wave surge swell pressure gravity orbit lunar solar cycle season ebb flood marsh delta cliff sand pebble coast inlet bay gulf strait reef lagoon dune headland sailor pilot chart depth sounding beacon lighthouse keeper village market fisher net boat hull keel mast sail anchor rope knot storm gale breeze calm morning evening night dawn dusk winter summer spring autumn harvest record measure gauge table almanac observer scholar theory model equation force balance rhythm pattern signal warning journey voyage crossing passage route island peninsula mainland county parish town city port dock quay wharf pier jetty crane cargo ledger merchant trade toll bridge ferry causeway embankment wall gate sluice lock canal mill wheel engine turbine power grid cable station'.split(
    ' ',
  );

/** `count` words of varied filler prose, deterministic for a seed, in sentences and paragraphs. */
export function prose(count: number, seed: number): string {
  let state = seed * 2654435761 + 1;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const words: string[] = [];
  for (let index = 0; index < count; index++) {
    const word = vocabulary[next() % vocabulary.length]!;
    const sentenceStart = index % 12 === 0;
    words.push(sentenceStart ? word[0]!.toUpperCase() + word.slice(1) : word);
    if (index % 12 === 11 || index === count - 1) words[words.length - 1] += '.';
    if (index % 60 === 59 && index !== count - 1) words[words.length - 1] += '\n\n';
  }
  return words.join(' ').replace(/\n\n /g, '\n\n');
}

/** A drafted plan as JSON text: `count` sections of `words` words. */
export function draftPlanJson({
  count,
  words,
  placements = [],
}: {
  count: number;
  words: number;
  placements?: Array<{ requirement: string; sections: number[] }>;
}): string {
  return JSON.stringify({
    title: 'Tides of the world',
    sections: Array.from({ length: count }, (_, index) => ({
      title: `Chapter ${String.fromCharCode(65 + (index % 26))}${index >= 26 ? index : ''}`,
      brief: `The ${index + 1}th part of the story, told in detail.`,
      words,
    })),
    placements,
  });
}
