import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callText } from '../../src/model/call-text.js';
import { resolveModel } from '../../src/model/resolve-model.js';
import { UsageMeter } from '../../src/model/usage-meter.js';

const recording = new URL('../fixtures/gemini/stream-generate-content.sse', import.meta.url);

/** A local server that replays a recorded Gemini stream and keeps what it was asked. */
async function replayServer() {
  const body = await readFile(recording, 'utf8');
  const seen: { url: string; key: string | undefined; body: unknown }[] = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    seen.push({
      url: request.url ?? '',
      key: request.headers['x-goog-api-key'] as string | undefined,
      body: JSON.parse(text),
    });
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, seen, url: `http://127.0.0.1:${port}/v1beta` };
}

describe('google: models, on a recorded Gemini reply', () => {
  let replay: Awaited<ReturnType<typeof replayServer>>;
  beforeAll(async () => {
    replay = await replayServer();
  });
  afterAll(() => new Promise((resolve) => replay.server.close(resolve)));

  it('streams the text and counts the usage Gemini reports, thinking tokens included', async () => {
    const resolved = resolveModel({
      spec: 'google:gemini-2.5-flash',
      env: { GOOGLE_GENERATIVE_AI_API_KEY: 'g-key', GOOGLE_GENERATIVE_AI_BASE_URL: replay.url },
    });
    expect(resolved).toMatchObject({ modelId: 'gemini-2.5-flash', simulated: false });
    const meter = new UsageMeter();
    const result = await callText({
      model: resolved.model,
      meter,
      system: 'You write field guides.',
      prompt: 'Say what lives in a tide pool.',
      maxOutputTokens: 200,
    });
    expect(result.text).toBe('Tide pools hold anemones, crabs and sculpins between the tides.');
    expect(meter.totals()).toMatchObject({
      calls: 1,
      inputTokens: 14,
      outputTokens: 47,
      reasoningTokens: 36,
    });
    expect(meter.totals().estimated).toBeUndefined();
    const [request] = replay.seen;
    expect(request?.url).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(request?.key).toBe('g-key');
    expect(request?.body).toMatchObject({
      systemInstruction: { parts: [{ text: 'You write field guides.' }] },
      generationConfig: { maxOutputTokens: 200 },
    });
  });
});
