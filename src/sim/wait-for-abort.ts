/** Resolves once `abortSignal` fires: how a hanging request waits for the client to give up. */
export function waitForAbort(abortSignal: AbortSignal): Promise<void> {
  if (abortSignal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    abortSignal.addEventListener('abort', () => resolve(), { once: true }),
  );
}
