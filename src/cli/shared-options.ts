import { type Command, InvalidArgumentError, Option } from 'commander';
import { limits } from '../config/limits.js';
import { qualityLevels } from '../config/quality-levels.js';
import { formatCount } from '../util/format-count.js';

/**
 * Flags of every command that calls a model. Defaults are not set on the flags themselves
 * (a flag default would override the config file); the help states the effective default.
 */
export function addModelOptions(command: Command): Command {
  return command
    .option(
      '--model <spec>',
      'model: openai:<id> or sim[:key=value,…] (string; default: config "model", QUIRE_MODEL, else sim)',
    )
    .option(
      '--base-url <url>',
      'OpenAI-compatible server, e.g. http://localhost:11434/v1 for Ollama (string; default: OPENAI_BASE_URL)',
    )
    .option(
      '--context-tokens <n>',
      "the model's context window in tokens, prompt and reply together (integer; default: config model.contextTokens, else read from the server, else 128000)",
      positiveInteger('--context-tokens', limits.contextTokens),
    );
}

/** `--queue`: the items go to `quire worker`s through Redis instead of running here. */
export function addQueueOption(command: Command): Command {
  return command.option(
    '--queue <url>',
    'run the items on quire workers through this Redis queue, redis://[user:password@]host:port[/db] or rediss:// for TLS; output as a local run writes it (string; default: run here)',
  );
}

/**
 * `--quality`: how much work goes into each document a command writes. `defaultText` says what
 * applies without it: `standard` for `quire write`, `fast` for `quire sft` and `quire bench`.
 */
export function addQualityOption(command: Command, defaultText: string): Command {
  return command.addOption(
    new Option(
      '--quality <level>',
      `how much work goes into each document: fast (draft and check each section once), standard (+ whole-document review and rewrite of flagged sections), best (more review rounds) (string; default: config write.quality, else ${defaultText})`,
    ).choices(qualityLevels),
  );
}

/** The opt-in of every command that runs generated code (see `openSandbox`). */
export function addSandboxOption(command: Command): Command {
  return command.option(
    '--allow-unconfined',
    "run generated code even where bubblewrap cannot confine it, under Node's permission model and resource limits only (boolean; default: false, such code is refused)",
  );
}

/**
 * Reads a positive integer flag of at most `max` (from `limits`); commander calls it with the
 * raw text.
 */
export function positiveInteger(name: string, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(number) || number <= 0) {
      throw new InvalidArgumentError(`${name} must be a positive whole number, got "${value}"`);
    }
    return atMost({ name, value, number, max });
  };
}

/** Reads a positive number flag (decimals allowed) of at most `max`. */
export function positiveNumber(name: string, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
      throw new InvalidArgumentError(`${name} must be a positive number, got "${value}"`);
    }
    return atMost({ name, value, number, max });
  };
}

function atMost({
  name,
  value,
  number,
  max,
}: {
  name: string;
  value: string;
  number: number;
  max: number;
}): number {
  if (number > max) {
    throw new InvalidArgumentError(
      `${name} must be at most ${formatCount(max)}, got "${value.trim()}"`,
    );
  }
  return number;
}
