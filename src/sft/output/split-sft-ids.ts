import { createHash } from 'node:crypto';

/**
 * The ids that go to the training file of a `--split`: the `trainShare` of them (rounded, and
 * leaving at least one on each side when there are two or more) whose hash with `seed` is
 * lowest. The same ids and seed always give the same split, whatever their order in the file,
 * and a record added later moves at most the ones at the boundary. Pure.
 */
export function splitSftIds({
  ids,
  trainShare,
  seed,
}: {
  ids: readonly string[];
  /** Between 0 and 1, exclusive. */
  trainShare: number;
  seed: number;
}): Set<string> {
  const ranked = ids
    .map((id) => ({ id, rank: createHash('sha256').update(`${seed}:${id}`).digest('hex') }))
    .sort((left, right) => (left.rank < right.rank ? -1 : left.rank > right.rank ? 1 : 0));
  const count =
    ids.length < 2
      ? ids.length
      : Math.min(ids.length - 1, Math.max(1, Math.round(trainShare * ids.length)));
  return new Set(ranked.slice(0, count).map((each) => each.id));
}
