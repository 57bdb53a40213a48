/**
 * Merges configuration objects, later ones winning, recursing into plain objects so a flag can
 * set `retry.maxAttempts` without erasing the rest of `retry` from a file. A `model` given as a
 * string is shorthand for `{ spec }`, so a file's model and a flag's context window combine.
 * Pure.
 */
export function mergeLayers(
  layers: ReadonlyArray<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    const expanded =
      typeof layer.model === 'string' ? { ...layer, model: { spec: layer.model } } : layer;
    for (const [key, value] of Object.entries(expanded)) {
      if (value === undefined) continue;
      const current = merged[key];
      merged[key] =
        isPlainObject(current) && isPlainObject(value) ? mergeLayers([current, value]) : value;
    }
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
