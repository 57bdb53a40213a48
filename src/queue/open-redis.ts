import { Redis } from 'ioredis';
import { QueueError } from '../errors/queue-error.js';
import type { QueueAddress } from './queue-address.js';

/**
 * A connection to the queue's Redis as BullMQ needs it: commands wait through a reconnect
 * instead of failing (`maxRetriesPerRequest: null`). `rediss://` connects over TLS.
 */
export function openRedis(address: QueueAddress): Redis {
  return new Redis(address.url, { maxRetriesPerRequest: null });
}

/**
 * Connects once, without retrying, and pings: a wrong address or password fails here with one
 * clear line instead of BullMQ retrying it forever.
 */
export async function checkRedis(address: QueueAddress): Promise<void> {
  const probe = new Redis(address.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 10_000,
  });
  // Without a listener ioredis prints connection errors itself; they are reported below.
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QueueError({
      problem: 'unreachable',
      message: `Cannot reach the queue's Redis at ${address.shownAs} (${reason}): start redis-server there, or check the host, port and password of --queue.`,
      cause: error,
    });
  } finally {
    probe.disconnect();
  }
}
