/**
 * Waits like a request to a stuck server: until `abortSignal` fires, then rejects with its
 * reason; forever when there is no signal. A timer holds the process open meanwhile, as the
 * open socket of a real hung request would, so a hang is never mistaken for a finished program.
 */
export function hangUntilAbort(abortSignal: AbortSignal | undefined): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    const keepAlive = setInterval(() => {}, 2 ** 30);
    if (abortSignal === undefined) return;
    const stop = () => {
      clearInterval(keepAlive);
      reject(abortSignal.reason);
    };
    if (abortSignal.aborted) stop();
    else abortSignal.addEventListener('abort', stop, { once: true });
  });
}
