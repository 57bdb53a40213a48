import type { IncomingMessage } from 'node:http';

/** Why a request body could not be read. */
export type BodyProblem = 'tooLarge' | 'aborted';

/** The body text, or the problem that stopped reading it. */
export type BodyResult = { ok: true; text: string } | { ok: false; problem: BodyProblem };

/** Reads a request body as UTF-8, refusing more than `limitBytes`. */
export async function readRequestBody({
  request,
  limitBytes,
}: {
  request: IncomingMessage;
  limitBytes: number;
}): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > limitBytes) return { ok: false, problem: 'tooLarge' };
      chunks.push(buffer);
    }
  } catch {
    return { ok: false, problem: 'aborted' };
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
