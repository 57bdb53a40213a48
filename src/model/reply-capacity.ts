import { z } from 'zod';

/**
 * What quire knows of how many words the model writes in one reply, as stored in run.json. A
 * configured value is used from the start; measured replies then take over, so a model that
 * writes less than configured (or less as the run goes on) is followed.
 */
export const ReplyCapacitySchema = z.object({
  /** The model spec it was learned on: another model starts afresh. */
  model: z.string(),
  /** Words per reply from the `limits` table, when configured. */
  configured: z.int().positive().optional(),
  /** The latest measurements that bound a reply (newest last, at most three). */
  recent: z.array(z.int().min(0)).max(3),
  /**
   * The share of an ask the model writes whatever its size, once two short replies to asks far
   * apart agree on it: such a model writes less than asked, but has no limit to split for.
   */
  compliance: z.number().gt(0).max(1).optional(),
  /** The last reply that fell short of its ask. */
  lastShort: z.object({ asked: z.int().positive(), written: z.int().min(0) }).optional(),
  /**
   * The least the model writes per reply when asked for fewer words, once two replies far
   * longer than asked agree on it (and asks far apart rule out a habit of writing a share more
   * than asked); dropped when a later reply comes back well under it. Absent from older runs.
   */
  floor: z.int().positive().optional(),
  /** The latest replies far longer than asked (newest last, at most three): the floor's evidence. */
  long: z
    .array(z.object({ asked: z.int().positive(), written: z.int().min(0) }))
    .max(3)
    .optional(),
  /** Prose replies measured. */
  replies: z.int().min(0),
  /** The longest prose reply seen, in words. */
  longest: z.int().min(0),
});

/** See `ReplyCapacitySchema`. */
export type ReplyCapacity = z.infer<typeof ReplyCapacitySchema>;

/** One prose reply as measured: how much was asked, how much came back. */
export interface ReplyMeasure {
  /**
   * Words the prompt asked for; undefined when the reply says only that the model wrote this
   * much (cut by the output-token limit quire set, or asked to be short on purpose).
   */
  asked: number | undefined;
  /** Words the reply held (notes removed). */
  written: number;
}

/** A reply under this share of what was asked (and not cut) fell short of it. */
const shortShare = 0.8;
/** Two shares of an ask this close (relative) are the same habit, not a limit. */
const sameShare = 0.2;
/** Asks at least this far apart tell a share of the ask from a limit on the reply. */
const askSpread = 1.5;
/** A reply at least this many times what was asked came back far longer than asked. */
const longShare = 1.5;

/**
 * The capacity a session starts from: what an earlier session of the run learned about the
 * same model, else the configured value, else nothing known. Pure.
 */
export function startCapacity({
  previous,
  model,
  configured,
}: {
  previous: ReplyCapacity | undefined;
  model: string;
  configured: number | undefined;
}): ReplyCapacity {
  if (previous?.model === model) return { ...previous, configured };
  return { model, configured, recent: [], replies: 0, longest: 0 };
}

/**
 * Adds one measured reply. A reply well short of what was asked shows where the model stops,
 * unless it is explained by the model's habit of writing a share of any ask (see
 * `compliance`, detected here from two short replies to asks far apart). A reply longer than
 * the current estimate shows the estimate is too low. A reply far longer than asked is
 * evidence of a floor (see `observeFloor`). Others say nothing new. Pure.
 */
export function observeReply({
  capacity,
  reply,
}: {
  capacity: ReplyCapacity;
  reply: ReplyMeasure;
}): ReplyCapacity {
  const counted = {
    ...observeFloor({ capacity, reply }),
    replies: capacity.replies + 1,
    longest: Math.max(capacity.longest, reply.written),
  };
  const estimate = wordsPerReply(capacity);
  const { asked, written } = reply;
  if (asked === undefined || asked <= 0 || written >= asked * shortShare) {
    return estimate !== undefined && written > estimate
      ? { ...counted, recent: [...capacity.recent, written].slice(-3) }
      : counted;
  }
  const share = written / asked;
  const lastShort = { asked, written };
  if (capacity.compliance !== undefined && same(share, capacity.compliance)) {
    return { ...counted, lastShort };
  }
  const previous = capacity.lastShort;
  if (previous && spread(previous.asked, asked) && same(previous.written / previous.asked, share)) {
    const compliance = (share + previous.written / previous.asked) / 2;
    return { ...counted, compliance, lastShort, recent: [] };
  }
  return { ...counted, lastShort, recent: [...capacity.recent, written].slice(-3) };
}

/**
 * The floor and its evidence after one reply. A reply well under the floor (the model wrote
 * less than it was thought to write at least) drops it, so a model that starts following short
 * asks is followed; so does a reply far longer than an ask at or above the floor, which no
 * floor explains. A reply far longer than asked is kept as evidence; with another such reply
 * whose length agrees, the floor is the shorter of them, provided the asks behind the agreeing
 * lengths (the last short reply's included) lie far apart: a model writing, say, 1.6× any ask
 * gives agreeing lengths only to asks alike, and has no floor. Cut replies say nothing. Pure.
 */
function observeFloor({
  capacity,
  reply,
}: {
  capacity: ReplyCapacity;
  reply: ReplyMeasure;
}): ReplyCapacity {
  const { asked, written } = reply;
  if (asked === undefined || asked <= 0) return capacity;
  const { floor } = capacity;
  const farOver = written >= asked * longShare;
  // Well under the floor, or far over an ask at or above it: the model is not held to one.
  const disproved =
    floor !== undefined && (written < floor * (1 - sameShare) || (farOver && asked >= floor));
  let next = capacity;
  if (disproved) {
    const { floor: _dropped, long: _evidence, ...rest } = capacity;
    next = rest;
  }
  if (!farOver) return next;
  const evidence = [...(next.long ?? []), { asked, written }].slice(-3);
  const agreeing = evidence.filter((each) => same(each.written, written));
  const asks = [
    ...agreeing.map((each) => each.asked),
    ...(next.lastShort && same(next.lastShort.written, written) ? [next.lastShort.asked] : []),
  ];
  const learned =
    agreeing.length >= 2 && spread(Math.min(...asks), Math.max(...asks))
      ? Math.min(...agreeing.map((each) => each.written))
      : undefined;
  return learned === undefined
    ? { ...next, long: evidence }
    : { ...next, long: evidence, floor: learned };
}

function same(left: number, right: number): boolean {
  return Math.abs(left - right) <= sameShare * Math.max(left, right);
}

function spread(left: number, right: number): boolean {
  return Math.max(left, right) >= askSpread * Math.min(left, right);
}

/**
 * Words one reply holds, as far as known: the median of the recent measurements (robust to
 * one odd reply, quick to follow a model that writes less and less), else the configured
 * value, else undefined. Pure.
 */
export function wordsPerReply(capacity: ReplyCapacity): number | undefined {
  if (capacity.recent.length === 0) return capacity.configured;
  const sorted = [...capacity.recent].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/**
 * True when the model has shown, twice in a row, that it writes fewer than `minWords` words per
 * reply: then no amount of splitting makes a document in a sensible number of calls. Pure.
 */
export function capacityTooLow({
  capacity,
  minWords,
}: {
  capacity: ReplyCapacity;
  minWords: number;
}): boolean {
  const lastTwo = capacity.recent.slice(-2);
  return lastTwo.length === 2 && Math.max(...lastTwo) < minWords;
}
