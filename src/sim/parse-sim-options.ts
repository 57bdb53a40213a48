import { SimOptionError } from '../errors/sim-option-error.js';
import { formatCount } from '../util/format-count.js';
import { findSimKnob, simKnobNames } from './sim-knobs.js';
import { type SimOptions, type SimOptionsInput, SimOptionsSchema } from './sim-options.js';

/** How option names appear in messages: as in a spec (`ttft`) or as flags (`--ttft`). */
export type SimOptionSource = 'spec' | 'flags';

const label = (name: string, source: SimOptionSource) => (source === 'flags' ? `--${name}` : name);
const validList = (source: SimOptionSource) =>
  `valid options are ${simKnobNames.map((name) => label(name, source)).join(', ')}`;

/**
 * Reads the options part of a `sim:<key>=<value>,…` spec (the text after `sim:`), e.g.
 * `seed=7,tps=80,ttft=300ms,errors=0.2`. Throws `SimOptionError` naming the first bad option.
 */
export function parseSimSpec(text: string): SimOptions {
  const values: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const equals = trimmed.indexOf('=');
    const name = (equals < 0 ? trimmed : trimmed.slice(0, equals)).trim();
    const value = equals < 0 ? '' : trimmed.slice(equals + 1).trim();
    if (findSimKnob(name) === undefined) throw unknownOption(name, 'spec');
    if (equals < 0 || value === '') {
      throw new SimOptionError({
        option: name,
        received: trimmed,
        message: `sim option "${trimmed}" has no value: write ${name}=<value> (${findSimKnob(name)?.expects}); ${validList('spec')}.`,
      });
    }
    if (name in values) {
      throw new SimOptionError({
        option: name,
        received: value,
        message: `sim option "${name}" is given twice; keep one.`,
      });
    }
    values[name] = value;
  }
  return resolveSimOptions(values);
}

/**
 * Validates options given as an object, by field (`rateLimit`) or knob name (`rate-limit`), with
 * typed values or their text forms, and fills in every default. Throws `SimOptionError`.
 */
export function resolveSimOptions(
  input: SimOptionsInput | Record<string, unknown> = {},
  { source = 'spec' }: { source?: SimOptionSource } = {},
): SimOptions {
  const byKey: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const knob = findSimKnob(name);
    if (knob === undefined) throw unknownOption(name, source);
    byKey[knob.key] = value;
  }
  const parsed = SimOptionsSchema.safeParse(byKey);
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const knob = findSimKnob(key);
  if (knob === undefined) throw unknownOption(key, source);
  const received = byKey[knob.key];
  const shown = Array.isArray(received) ? received.join('+') : String(received);
  if (issue?.code === 'custom' && knob.key === 'errors' && /add up/.test(issue.message)) {
    throw new SimOptionError({
      option: knob.name,
      received: shown,
      message: `sim options: ${issue.message}; lower ${label('errors', source)} or the per-kind fault rates.`,
    });
  }
  // Only the lists of kinds have more to say than "expects …": which kind they did not know.
  const detail =
    knob.placeholder === '<kinds>' && issue?.code === 'custom'
      ? ` (${issue.message})`
      : issue?.code === 'too_big' && knob.placeholder !== '<rate>'
        ? ` (at most ${knob.placeholder === '<duration>' ? 'one day' : formatCount(Number(issue.maximum))})`
        : '';
  throw new SimOptionError({
    option: knob.name,
    received: shown,
    message: `sim option ${source === 'flags' ? `--${knob.name} ${shown}` : `${knob.name}=${shown}`} is not valid${detail}: ${label(knob.name, source)} expects ${knob.expects}${knob.defaultText === undefined ? '' : ` (default ${knob.defaultText})`}.`,
  });
}

function unknownOption(name: string, source: SimOptionSource): SimOptionError {
  return new SimOptionError({
    option: name,
    message: `unknown sim option "${label(name, source)}"; ${validList(source)}.`,
  });
}
