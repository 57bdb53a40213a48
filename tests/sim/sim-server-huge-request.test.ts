import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimitBytes } from '../../src/sim/receive-request-body.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';

let server: SimServer;
beforeAll(async () => {
  server = await startSimServer({ port: 0, options: { noise: 0 } });
});
afterAll(() => server.close());

const megabyte = 1024 * 1024;

/** A small request from another client: it must be answered while the huge one is under way. */
async function smallRequest(): Promise<number> {
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'sim',
      messages: [{ role: 'user', content: 'Write 30 words on kelp.' }],
    }),
  });
  await response.text();
  return response.status;
}

/**
 * Starts a chat request whose body is `chunks` chunks of filler, sent only when `send` is called,
 * so a test decides what happens while the upload is still open. Declares its length when
 * `declareLength` is set, else sends it chunked.
 */
function openUpload({ chunks, declareLength }: { chunks: number; declareLength: boolean }) {
  const prefix = '{"model":"sim","messages":[{"role":"user","content":"Write 40 words on tides. ';
  const suffix = '"}]}';
  const chunk = Buffer.alloc(megabyte, 'a');
  const length = prefix.length + chunks * megabyte + suffix.length;
  const url = new URL(`${server.url}/chat/completions`);
  const upload = httpRequest({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(declareLength ? { 'content-length': String(length) } : {}),
    },
  });
  const response = new Promise<IncomingMessage | Error>((resolve) => {
    upload.on('response', resolve);
    upload.on('error', resolve);
  });
  upload.write(prefix);
  let sent = 0;
  return {
    response,
    /** Sends `count` more chunks (or all that are left), waiting for each to drain. */
    async send(count = chunks - sent): Promise<void> {
      for (let index = 0; index < count && sent < chunks && !upload.destroyed; index++, sent++) {
        // A connection the server cut rejects the wait; the response promise reports it.
        if (!upload.write(chunk)) await once(upload, 'drain').catch(() => undefined);
      }
      if (sent === chunks && !upload.destroyed) upload.end(suffix);
    },
    close: () => upload.destroy(),
  };
}

describe('the sim server under a huge request', () => {
  it('refuses a declared 30 MB body with 413 before it is sent, and serves others meanwhile', async () => {
    const upload = openUpload({ chunks: 30, declareLength: true });
    try {
      const response = await upload.response;
      expect(response).not.toBeInstanceOf(Error);
      const reply = response as IncomingMessage;
      expect(reply.statusCode).toBe(413);
      let text = '';
      for await (const part of reply) text += part;
      expect(JSON.parse(text).error.message).toContain(`larger than ${bodyLimitBytes} bytes`);
      expect(await smallRequest()).toBe(200);
    } finally {
      upload.close();
    }
  });

  it('answers other clients while a 30 MB chunked body is still arriving, then refuses it', async () => {
    const upload = openUpload({ chunks: 30, declareLength: false });
    try {
      await upload.send(4);
      // The upload is open, half way to the limit: the server must not be stuck reading it.
      expect(await smallRequest()).toBe(200);
      await upload.send(8);
      expect(await smallRequest()).toBe(200);
      void upload.send();
      const response = await upload.response;
      // Past the limit the server answers 413, or cuts an upload far past it.
      if (!(response instanceof Error)) expect(response.statusCode).toBe(413);
      expect(await smallRequest()).toBe(200);
    } finally {
      upload.close();
    }
  });

  it('answers a prompt just under the limit in full, counting all of it', async () => {
    const upload = openUpload({ chunks: 7, declareLength: true });
    void upload.send();
    const response = await upload.response;
    expect(response).not.toBeInstanceOf(Error);
    const reply = response as IncomingMessage;
    let text = '';
    for await (const part of reply) text += part;
    expect(reply.statusCode, text.slice(0, 300)).toBe(200);
    const body = JSON.parse(text) as {
      choices: Array<{ message: { content: string } }>;
      usage: { prompt_tokens: number };
    };
    expect(body.choices[0]!.message.content.split(/\s+/).length).toBeGreaterThan(20);
    // One token per four ASCII characters: the whole 7 MB prompt is counted.
    expect(body.usage.prompt_tokens).toBeGreaterThan((7 * megabyte) / 4);
  });
});
