/**
 * The faults the simulated model can inject, each as a real provider shows it:
 * - `rate-limit`: HTTP 429 with `Retry-After` (and `retry-after-ms`).
 * - `server-error`: HTTP 500.
 * - `hang`: no byte at all until the client gives up (aborts or times out).
 * - `cut`: the connection drops part-way through the reply.
 * - `bad-json`: malformed JSON, only on calls that ask for JSON.
 * - `empty`: a well-formed reply with no content.
 */
export const faultKinds = [
  'rate-limit',
  'server-error',
  'hang',
  'cut',
  'bad-json',
  'empty',
] as const;

/** One kind of injected fault. */
export type FaultKind = (typeof faultKinds)[number];

/**
 * The kinds `errors=<rate>` spreads over unless `faults=` says otherwise. `hang` is left out:
 * each one costs the client its whole idle timeout, so it is asked for by name.
 */
export const defaultFaultKinds: readonly FaultKind[] = [
  'rate-limit',
  'server-error',
  'cut',
  'bad-json',
  'empty',
];

/** True when `value` names a fault kind. */
export function isFaultKind(value: string): value is FaultKind {
  return (faultKinds as readonly string[]).includes(value);
}
