import { ConfigError } from '../errors/config-error.js';
import type { Config } from './config-schema.js';

/** Two settings that cannot both hold: `first` must not exceed `second`. */
export interface Contradiction {
  /** Dotted keys, e.g. `write.minSectionWords`. */
  first: string;
  second: string;
  firstValue: number;
  secondValue: number;
  /** Why the pair cannot work, completing "… : <why>". */
  why: string;
}

/** Pairs of keys where the first must be at most the second, and what breaks otherwise. */
const rules: Array<{ first: string; second: string; why: string }> = [
  {
    first: 'write.minSectionWords',
    second: 'write.maxSectionWords',
    why: 'a planned section could be neither split nor merged',
  },
  {
    first: 'retry.initialDelayMs',
    second: 'retry.maxDelayMs',
    why: 'the first backoff would already be longer than the longest one',
  },
  {
    first: 'timeouts.idleTimeoutMs',
    second: 'timeouts.requestTimeoutMs',
    why: 'a whole attempt would end before its first token is overdue',
  },
  {
    first: 'code.conversationTokens',
    second: 'code.maxStepTokens',
    why: 'a step would run out of tokens before its conversation is summarised',
  },
];

/**
 * Settings that each pass on their own but contradict each other, checked on the merged
 * configuration (a file may set one key and a flag the other). Pure.
 */
export function findContradictions(config: Config): Contradiction[] {
  return rules.flatMap(({ first, second, why }) => {
    const firstValue = valueAt(config, first);
    const secondValue = valueAt(config, second);
    return firstValue > secondValue ? [{ first, second, firstValue, secondValue, why }] : [];
  });
}

/** Throws a `ConfigError` naming both keys of the first contradiction, for library callers. */
export function refuseContradictions(config: Config): void {
  const [found] = findContradictions(config);
  if (found === undefined) return;
  throw new ConfigError({
    message: `Invalid configuration: ${found.first} (${found.firstValue}) is larger than ${found.second} (${found.secondValue}): ${found.why}; lower the first or raise the second.`,
    key: found.first,
  });
}

function valueAt(config: Config, key: string): number {
  let value: unknown = config;
  for (const part of key.split('.')) value = (value as Record<string, unknown>)[part];
  return value as number;
}
