/**
 * The version of the jobs quire puts on a queue. It is part of the queue's name, so a worker
 * never takes jobs of a format it does not know, and every job carries it too: a worker refuses
 * (fails, with the reason) a job of another version that reached its queue anyway.
 */
export const queueFormatVersion = 1;

/** The BullMQ queue every quire producer and worker of this format uses. */
export const queueName = `quire-v${queueFormatVersion}`;

/** Data that is, or is not yet, a job of this format. */
export function describeFormatVersion(data: unknown): string {
  const version =
    typeof data === 'object' && data !== null
      ? (data as { formatVersion?: unknown }).formatVersion
      : undefined;
  return version === undefined ? 'no format version' : `format version ${JSON.stringify(version)}`;
}
