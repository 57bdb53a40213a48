import type { ServerResponse } from 'node:http';

/**
 * Ends the connection under a reply that is not finished: what was written so far reaches the
 * client (a plain `destroy()` would discard the socket's buffered bytes), then the socket closes
 * without the end of the body, as when a proxy or a crashed worker drops a stream.
 */
export async function dropConnection(response: ServerResponse): Promise<void> {
  const socket = response.socket;
  if (socket && !socket.destroyed) {
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
    });
  }
  response.destroy();
}
