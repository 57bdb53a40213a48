import type { z } from 'zod';
import { formatCount } from '../util/format-count.js';
import { type ConfigLayer, describeSource } from './config-layer.js';
import { type Config, ConfigSchema } from './config-schema.js';
import { findContradictions } from './find-contradictions.js';
import { retiredKeys } from './retired-keys.js';

/** One problem found in the configuration. */
export interface ConfigProblem {
  /** Dotted key, e.g. `retry.maxAttempts`; empty for the whole object. */
  key: string;
  /** The file path, "command-line flags" or "environment". */
  source: string;
  message: string;
}

/** The outcome of validating configuration layers: a config only when there are no errors. */
export interface ValidateConfigResult {
  config: Config | undefined;
  warnings: ConfigProblem[];
  errors: ConfigProblem[];
}

/**
 * Validates each layer on its own (so an error names the file or flag it came from), then the
 * merged result. Returns findings instead of throwing. Pure.
 */
export function validateConfig({
  layers,
  merged,
}: {
  layers: ConfigLayer[];
  merged: Record<string, unknown>;
}): ValidateConfigResult {
  const errors: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];
  for (const layer of layers) {
    const source = describeSource(layer.source);
    const result = ConfigSchema.safeParse(layer.values);
    if (!result.success) errors.push(...toProblems({ issues: result.error.issues, source }));
    if (layer.source.kind === 'file' && typeof layer.values.apiKey === 'string') {
      warnings.push({
        key: 'apiKey',
        source,
        message: 'an API key is stored in a file; prefer the OPENAI_API_KEY environment variable',
      });
    }
  }
  if (errors.length > 0) return { config: undefined, warnings, errors };

  const result = ConfigSchema.safeParse(merged);
  if (!result.success) {
    return {
      config: undefined,
      warnings,
      errors: toProblems({ issues: result.error.issues, source: 'merged configuration' }),
    };
  }
  const contradictions = findContradictions(result.data).map((found) => {
    const origin = (key: string) => sourceOf({ layers, key });
    return {
      key: found.first,
      source: origin(found.first),
      message: `${found.firstValue} is larger than ${found.second} (${found.secondValue}, from ${origin(found.second)}): ${found.why}; lower the first or raise the second`,
    };
  });
  if (contradictions.length > 0) return { config: undefined, warnings, errors: contradictions };
  return { config: result.data, warnings, errors };
}

/** The highest-precedence layer that sets `key`, named for messages; `the defaults` if none. */
function sourceOf({ layers, key }: { layers: ConfigLayer[]; key: string }): string {
  for (const layer of [...layers].reverse()) {
    let value: unknown = layer.values;
    for (const part of key.split('.')) {
      value =
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)[part]
          : undefined;
    }
    if (value !== undefined) return describeSource(layer.source);
  }
  return 'the defaults';
}

function toProblems({
  issues,
  source,
}: {
  issues: z.core.$ZodIssue[];
  source: string;
}): ConfigProblem[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((name) => {
        const key = base ? `${base}.${name}` : name;
        return {
          key,
          source,
          message:
            retiredKeys[key] ??
            'unknown key; see "Configuration" in the README for the keys quire reads',
        };
      });
    }
    return [{ key: base, source, message: describeIssue(issue) }];
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'too_big') return `at most ${formatCount(Number(issue.maximum))}`;
  return issue.message.replace(/^Invalid input: /, '');
}
