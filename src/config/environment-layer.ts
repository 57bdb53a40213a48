import type { ConfigLayer } from './config-layer.js';

/** Environment variables quire reads, and the config key each one sets (dots nest). */
export const environmentKeys = {
  OPENAI_API_KEY: 'apiKey',
  OPENAI_BASE_URL: 'baseUrl',
  QUIRE_MODEL: 'model',
  QUIRE_REPORT_HTML: 'report.html',
} as const;

/** Variables that hold a yes or no: `true`/`1` and `false`/`0` become booleans. */
const booleanVariables: ReadonlySet<string> = new Set(['QUIRE_REPORT_HTML']);

/**
 * The configuration layer given by the environment. Empty variables count as unset; a boolean
 * variable with another value is passed on as given, so the schema names it. Pure.
 */
export function environmentLayer(env: Record<string, string | undefined>): ConfigLayer {
  const values: Record<string, unknown> = {};
  for (const [variable, key] of Object.entries(environmentKeys)) {
    const value = env[variable]?.trim();
    if (value === undefined || value === '') continue;
    setPath(values, key, booleanVariables.has(variable) ? readBoolean(value) : value);
  }
  return { source: { kind: 'environment' }, values };
}

function readBoolean(value: string): boolean | string {
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return value;
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const [head, ...rest] = key.split('.') as [string, ...string[]];
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  if (target[head] === undefined) target[head] = {};
  setPath(target[head] as Record<string, unknown>, rest.join('.'), value);
}
