import { resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.js';
import { InputFileError } from '../errors/input-file-error.js';
import { findNonText } from '../util/find-non-text.js';
import { parseJsonText } from '../util/parse-json-text.js';
import { readFileBounded } from '../util/read-file-bounded.js';
import type { ConfigLayer } from './config-layer.js';
import { fileLimits } from './limits.js';

/** The file read when no `--config` is given, if it exists in the working directory. */
export const defaultConfigFile = 'quire.config.json';

/**
 * Reads a JSON config file as a layer. A missing default file is no layer at all; a missing
 * explicit file, a folder, FIFO or device, a file over 1 MB, unreadable or invalid JSON, or a
 * non-object is a `ConfigError` naming the file.
 */
export async function readConfigFile({
  path,
  cwd,
  explicit,
}: {
  /** As the user wrote it; relative paths are resolved against `cwd`. */
  path: string;
  cwd: string;
  explicit: boolean;
}): Promise<ConfigLayer | undefined> {
  const read = await readFileBounded({ path: resolve(cwd, path), maxBytes: fileLimits.config });
  if (!read.ok) {
    if (read.problem === 'missing' && !explicit) return undefined;
    throw new ConfigError({
      message:
        read.problem === 'missing'
          ? `Config file ${path} does not exist: check the --config path.`
          : `Config file ${path} ${read.detail}: pass a JSON file of settings.`,
      source: path,
    });
  }
  const bytes = read.bytes;
  const notText = findNonText(bytes);
  if (notText !== undefined) {
    throw new ConfigError({
      message: `Config file ${path} is not UTF-8 text (${notText.description}): save it as UTF-8 JSON.`,
      source: path,
    });
  }
  const text = bytes.toString('utf8');
  let values: unknown;
  try {
    values = parseJsonText({ text, file: path, what: 'Config file' });
  } catch (error) {
    const where = error instanceof InputFileError && error.line !== undefined ? error : undefined;
    throw new ConfigError({
      message: `Config file ${path} is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ''}: fix it there.`,
      source: path,
      cause: error,
    });
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new ConfigError({
      message: `Config file ${path} must hold a JSON object of settings, e.g. {"model": "openai:gpt-4o-mini"}.`,
      source: path,
    });
  }
  return { source: { kind: 'file', path }, values: values as Record<string, unknown> };
}
