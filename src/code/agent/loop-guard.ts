/** What the loop guard remembers between tool calls of one step. */
export interface LoopGuardState {
  lastSignature: string | undefined;
  /** Identical calls in a row, the last one included. */
  repeats: number;
  /** Nudges given so far in the step; each raises the temperature. */
  nudges: number;
}

/** What to do about the call just observed. */
export type LoopGuardAction = 'none' | 'nudge' | 'stop';

/** The state of a step that has made no call yet. */
export const initialLoopGuardState: LoopGuardState = {
  lastSignature: undefined,
  repeats: 0,
  nudges: 0,
};

/**
 * A stable text for a tool call: its name and input with object keys sorted, so two calls that
 * differ only in key order count as the same call. A turn without tool calls is `(text)`. Pure.
 */
export function toolCallSignature({
  toolName,
  input,
}: {
  toolName: string;
  input: unknown;
}): string {
  return `${toolName}:${stableJson(input)}`;
}

/**
 * Observes one call: `repeatLimit` identical calls in a row earn a nudge (and a higher
 * temperature), twice as many stop the step. Any different call resets the count. Pure.
 */
export function observeToolCall({
  state,
  signature,
  repeatLimit,
}: {
  state: LoopGuardState;
  signature: string;
  repeatLimit: number;
}): { state: LoopGuardState; action: LoopGuardAction } {
  const repeats = signature === state.lastSignature ? state.repeats + 1 : 1;
  const action: LoopGuardAction =
    repeats >= repeatLimit * 2 ? 'stop' : repeats >= repeatLimit ? 'nudge' : 'none';
  return {
    state: {
      lastSignature: signature,
      repeats,
      nudges: state.nudges + (action === 'nudge' ? 1 : 0),
    },
    action,
  };
}

/**
 * The sampling temperature after `nudges` nudges: the configured one until the first, then
 * raised by 0.3 per nudge (from 0.3 when none was configured), at most 1.2. Pure.
 */
export function temperatureFor({
  base,
  nudges,
}: {
  base: number | undefined;
  nudges: number;
}): number | undefined {
  if (nudges === 0) return base;
  // Rounded so the value sent is 1.1, not 1.0999999999999999.
  return Math.round(Math.min(1.2, (base ?? 0.3) + 0.3 * nudges) * 100) / 100;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, each]) => each !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, each]) => `${JSON.stringify(key)}:${stableJson(each)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
