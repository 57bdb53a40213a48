/** The band a document's length must fall in, as shares of its target. */
export interface LengthGateSettings {
  /** Shortest acceptable length, as a share of the target (0.9: 10% under). */
  floor: number;
  /** Longest acceptable length, as a share of the target (1.2: 20% over). */
  ceiling: number;
}

/** 0.9× to 1.2× of the target: overshoot is forgiven more than undershoot, as S_l does. */
export const defaultLengthGate: LengthGateSettings = { floor: 0.9, ceiling: 1.2 };

/** Where a length falls against the gate. */
export interface LengthGateResult {
  status: 'within' | 'short' | 'long';
  /** produced / required. */
  ratio: number;
  /** The fewest words that pass (rounded up). */
  floorWords: number;
  /** The most words that pass (rounded down). */
  ceilingWords: number;
}

/**
 * Whether `produced` words lie within `[floor × required, ceiling × required]`. Used wherever
 * quire decides that a document (or section) is long enough and not too long: the write loop's
 * final status, `quire eval`, the benchmarks and the SFT screen. Pure.
 */
export function checkLengthGate({
  produced,
  required,
  gate = defaultLengthGate,
}: {
  produced: number;
  required: number;
  gate?: LengthGateSettings;
}): LengthGateResult {
  const floorWords = Math.ceil(required * gate.floor - 1e-9);
  const ceilingWords = Math.floor(required * gate.ceiling + 1e-9);
  const status = produced < floorWords ? 'short' : produced > ceilingWords ? 'long' : 'within';
  return { status, ratio: required > 0 ? produced / required : 0, floorWords, ceilingWords };
}
