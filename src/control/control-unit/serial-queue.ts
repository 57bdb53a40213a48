/** Runs each piece of work queued after the one before it has settled. */
export type SerialQueue = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * A queue that runs work one piece at a time, in the order it was queued: concurrent sections
 * then never overwrite what another one's update wrote. A piece that fails rejects its own
 * promise only; the pieces after it still run.
 */
export function serialQueue(): SerialQueue {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const running = last.then(work);
    last = running.catch(() => {});
    return running;
  };
}
