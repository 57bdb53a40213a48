import type { IncomingMessage } from 'node:http';

/** Why a request body could not be read. */
export type BodyProblem = 'tooLarge' | 'aborted';

/** The body text, or the problem that stopped reading it. */
export type BodyResult = { ok: true; text: string } | { ok: false; problem: BodyProblem };

/**
 * Reads a request body as UTF-8, keeping at most `limitBytes`. A longer body is read on and
 * thrown away (so the client, still uploading, can read the 413 it gets), up to `discardBytes`
 * more, past which the connection is cut and the body counts as aborted.
 */
export async function readRequestBody({
  request,
  limitBytes,
  discardBytes = 8 * limitBytes,
}: {
  request: IncomingMessage;
  limitBytes: number;
  discardBytes?: number;
}): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > limitBytes + discardBytes) {
        // Far past the limit: cut the connection rather than read on.
        request.destroy();
        return { ok: false, problem: 'aborted' };
      }
      if (size <= limitBytes) chunks.push(buffer);
    }
  } catch {
    return { ok: false, problem: 'aborted' };
  }
  if (size > limitBytes) return { ok: false, problem: 'tooLarge' };
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * Reads and throws away what is left of a request body after an early reply, cutting the
 * connection past `discardBytes`: the client sees the reply instead of a broken upload.
 */
export function discardRequestBody({
  request,
  discardBytes,
}: {
  request: IncomingMessage;
  discardBytes: number;
}): void {
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > discardBytes) request.destroy();
  });
  request.resume();
}
