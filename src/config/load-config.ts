import { ConfigError } from '../errors/config-error.js';
import type { ConfigLayer } from './config-layer.js';
import type { Config } from './config-schema.js';
import { environmentLayer } from './environment-layer.js';
import { mergeLayers } from './merge-layers.js';
import { defaultConfigFile, readConfigFile } from './read-config-file.js';
import { type ConfigProblem, validateConfig } from './validate-config.js';

/** The loaded configuration and what was noticed while loading it. */
export interface LoadConfigResult {
  config: Config;
  warnings: ConfigProblem[];
}

/**
 * Loads the configuration with precedence flags > config file > environment > the command's
 * defaults > the schema's.
 * Throws a `ConfigError` for the first problem, naming the key and where it came from.
 */
export async function loadConfig({
  flags = {},
  configFile,
  cwd = process.cwd(),
  env = process.env,
  defaults = {},
}: {
  /** Values from command-line flags, already shaped like the config. */
  flags?: Record<string, unknown>;
  /** `--config FILE`; otherwise `quire.config.json` in `cwd`, if present. */
  configFile?: string;
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** A command's own defaults, where they differ from the schema's; under every other layer. */
  defaults?: Record<string, unknown>;
} = {}): Promise<LoadConfigResult> {
  const fileLayer = await readConfigFile({
    path: configFile ?? defaultConfigFile,
    cwd,
    explicit: configFile !== undefined,
  });
  const layers: ConfigLayer[] = [
    environmentLayer(env),
    ...(fileLayer ? [fileLayer] : []),
    { source: { kind: 'flag' }, values: flags },
  ];
  const merged = mergeLayers([defaults, ...layers.map((layer) => layer.values)]);
  const { config, warnings, errors } = validateConfig({ layers, merged });
  const first = errors[0];
  if (first || !config) {
    const key = first?.key || '(root)';
    throw new ConfigError({
      message: `Invalid configuration in ${first?.source}: ${key}: ${first?.message}.`,
      key: first?.key,
      source: first?.source,
    });
  }
  return { config, warnings };
}
