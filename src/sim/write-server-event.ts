import type { ServerResponse } from 'node:http';

/**
 * Writes one server-sent event's text, waiting for the socket to drain when its buffer is full
 * (a slow client holds the stream back rather than the server's memory). Throws once the client
 * has gone, which ends the stream.
 */
export async function writeServerEvent(response: ServerResponse, text: string): Promise<void> {
  if (response.destroyed) throw new Error('the client closed the connection');
  if (response.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
