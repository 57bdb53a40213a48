import { type FaultKind, faultKinds } from './fault-kind.js';

/** The options that decide how often each fault happens. */
export interface FaultRateSettings {
  errors: number;
  faults: readonly FaultKind[];
  rateLimit?: number | undefined;
  serverError?: number | undefined;
  hang?: number | undefined;
  cut?: number | undefined;
  badJson?: number | undefined;
  empty?: number | undefined;
}

const rateKeys = {
  'rate-limit': 'rateLimit',
  'server-error': 'serverError',
  hang: 'hang',
  cut: 'cut',
  'bad-json': 'badJson',
  empty: 'empty',
} as const satisfies Record<FaultKind, keyof FaultRateSettings>;

/**
 * The probability of each fault kind per call: a kind's own rate when set, else its even share of
 * `errors` when it is listed in `faults`, else 0. Pure.
 */
export function faultRates(settings: FaultRateSettings): Record<FaultKind, number> {
  const share = settings.faults.length === 0 ? 0 : settings.errors / settings.faults.length;
  const rates = {} as Record<FaultKind, number>;
  for (const kind of faultKinds) {
    const own = settings[rateKeys[kind]];
    rates[kind] = own ?? (settings.faults.includes(kind) ? share : 0);
  }
  return rates;
}
