import type { ConfigLayer } from './config-layer.js';

/** Environment variables quire reads, and the config key each one sets. */
export const environmentKeys = {
  OPENAI_API_KEY: 'apiKey',
  OPENAI_BASE_URL: 'baseUrl',
  QUIRE_MODEL: 'model',
} as const;

/** The configuration layer given by the environment. Empty variables count as unset. Pure. */
export function environmentLayer(env: Record<string, string | undefined>): ConfigLayer {
  const values: Record<string, unknown> = {};
  for (const [variable, key] of Object.entries(environmentKeys)) {
    const value = env[variable];
    if (value !== undefined && value.trim() !== '') values[key] = value.trim();
  }
  return { source: { kind: 'environment' }, values };
}
