/**
 * Merges configuration objects, later ones winning, recursing into plain objects so a flag can
 * set `retry.maxAttempts` without erasing the rest of `retry` from a file. Pure.
 */
export function mergeLayers(
  layers: ReadonlyArray<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
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
