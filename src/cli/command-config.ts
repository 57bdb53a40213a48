import type { Config } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import { mergeLayers } from '../config/merge-layers.js';
import type { CliIo } from './cli-io.js';

/** Flags shared by commands, as commander parses them. */
export interface CommonOptions {
  config?: string;
  json?: boolean;
  debug?: boolean;
  model?: string;
  /** `--context-tokens`: the model's context window. */
  contextTokens?: number;
  baseUrl?: string;
  judge?: string;
  maxTokens?: number;
  maxCost?: number;
  context?: 'bounded' | 'full';
  parallel?: number;
  /** `--quality` (write, sft, bench): how much work goes into each document. */
  quality?: 'fast' | 'standard' | 'best';
  /** `--candidates` (write): drafts of each section. */
  candidates?: number;
}

/**
 * The defaults of `quire sft` and `quire bench`, under every layer the user sets: the single
 * pass (`write.quality` fast). A benchmark reproduces published single-pass numbers, and SFT
 * data at scale pays for every token; `--quality` or the config file asks for more.
 */
export const singlePassDefaults = { write: { quality: 'fast' } } as const;

/**
 * Loads the configuration for a command: its flags (over `base`, e.g. a resumed run's stored
 * settings) > the config file > the environment > `defaults` (the command's own, e.g.
 * `singlePassDefaults`) > the schema's. `flags` adds the command's own flags, shaped like the
 * config. Warnings go to stderr.
 */
export async function loadCommandConfig({
  options,
  io,
  base = {},
  flags: commandFlags = {},
  defaults,
}: {
  options: CommonOptions;
  io: CliIo;
  base?: Record<string, unknown>;
  flags?: Record<string, unknown>;
  defaults?: Record<string, unknown>;
}): Promise<Config> {
  const flags = mergeLayers([
    base,
    commandFlags,
    {
      model: { spec: options.model, contextTokens: options.contextTokens },
      baseUrl: options.baseUrl,
      judge: options.judge,
      maxTokens: options.maxTokens,
      maxCost: options.maxCost,
      write: {
        ...(options.context ? { contextPolicy: options.context } : {}),
        ...(options.parallel ? { parallel: options.parallel } : {}),
        ...(options.quality ? { quality: options.quality } : {}),
        ...(options.candidates ? { candidates: options.candidates } : {}),
      },
    },
  ]);
  const { config, warnings } = await loadConfig({
    flags,
    configFile: options.config,
    cwd: io.cwd,
    env: io.env,
    defaults,
  });
  for (const warning of warnings) {
    io.stderr.write(`quire: warning: ${warning.source}: ${warning.key}: ${warning.message}\n`);
  }
  return config;
}
