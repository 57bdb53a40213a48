/**
 * How hard the reliability suite pushes. `npm test` runs it at the quick scale so the whole
 * suite stays within its time budget; `npm run test:reliability` (or `QUIRE_RELIABILITY=full`)
 * runs the full scale the reliability claims are made at. npm names the running script in
 * `npm_lifecycle_event`, which the test workers inherit, so the script needs no extra flag.
 */
export const fullScale =
  process.env.QUIRE_RELIABILITY === 'full' ||
  process.env.npm_lifecycle_event === 'test:reliability';

/** The sizes of the scaled tests, at the scale in force. */
export const scale = fullScale
  ? { crashKills: 20, crashWords: 20_000, loadWords: 6_000, faultWords: 10_000 }
  : { crashKills: 5, crashWords: 6_000, loadWords: 3_000, faultWords: 4_000 };
