/**
 * Turns an async generator into a `ReadableStream` that pulls one item at a time, so a paced
 * generator never runs ahead of its reader. The generator gets a signal that fires when the
 * reader cancels, so a wait in progress (a long time to first token, say) stops at once.
 * `onEnd` runs once, however the stream ends: read to the end, failed, or cancelled.
 */
export function streamFromParts<T>({
  parts: start,
  onEnd,
}: {
  parts: (cancelSignal: AbortSignal) => AsyncGenerator<T>;
  onEnd: () => void;
}): ReadableStream<T> {
  const cancelled = new AbortController();
  const parts = start(cancelled.signal);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  return new ReadableStream<T>({
    async pull(controller) {
      try {
        const next = await parts.next();
        if (next.done) {
          end();
          controller.close();
        } else {
          controller.enqueue(next.value);
        }
      } catch (error) {
        end();
        if (!cancelled.signal.aborted) controller.error(error);
      }
    },
    async cancel(reason) {
      end();
      cancelled.abort(reason);
      await parts.return(undefined).catch(() => {});
    },
  });
}
