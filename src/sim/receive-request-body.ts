import type { IncomingMessage } from 'node:http';
import { type OpenAiErrorReply, openAiError } from './openai-error-body.js';
import { discardRequestBody, readRequestBody } from './read-request-body.js';

/**
 * The largest request body served: twice a million-token prompt. A larger one is refused with
 * 413 before it is read (when it declares its length) or as soon as it passes the limit, so one
 * client cannot hold the memory or the event loop that the others need.
 */
export const bodyLimitBytes = 8 * 1024 * 1024;

/**
 * Reads a request body under `bodyLimitBytes`, for every endpoint that takes one. Too large:
 * `refuse` gets the 413 (in the endpoint's own error shape) and the result is undefined; an
 * upload the client abandoned is undefined with nobody left to answer.
 */
export async function receiveRequestBody({
  request,
  refuse,
}: {
  request: IncomingMessage;
  refuse: (reply: OpenAiErrorReply) => void;
}): Promise<string | undefined> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > bodyLimitBytes) {
    // Refused before reading: the rest of the upload is thrown away as it arrives.
    discardRequestBody({ request, discardBytes: Math.min(declared, 8 * bodyLimitBytes) });
    refuse(tooLarge());
    return undefined;
  }
  const read = await readRequestBody({ request, limitBytes: bodyLimitBytes });
  if (read.ok) return read.text;
  // An upload cut far past the limit is refused; an abandoned one has nobody left to answer.
  if (read.problem === 'tooLarge') refuse(tooLarge());
  return undefined;
}

function tooLarge(): OpenAiErrorReply {
  return openAiError({
    status: 413,
    message: `The request body is larger than ${bodyLimitBytes} bytes (8 MB); send a shorter prompt.`,
  });
}
