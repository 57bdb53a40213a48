import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimOptionError } from '../../src/errors/sim-option-error.js';
import { callText } from '../../src/model/call-text.js';
import { resolveModel } from '../../src/model/resolve-model.js';
import { composeReply } from '../../src/sim/compose-reply.js';
import { createSimModel } from '../../src/sim/create-sim-model.js';
import { parseSimSpec, resolveSimOptions } from '../../src/sim/parse-sim-options.js';
import { renderSimPrompt } from '../../src/sim/render-sim-prompt.js';
import type { SimOptionsInput } from '../../src/sim/sim-options.js';
import type { SimRequest } from '../../src/sim/sim-request.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { countWords } from './helpers/count-words.js';
import { createSimRequest } from './helpers/requests.js';

const prose = createSimRequest({ prompt: 'Write about 200 words on estuaries.' });

function compose(request: SimRequest, knobs: SimOptionsInput) {
  return composeReply({
    request,
    prompt: renderSimPrompt(request),
    options: resolveSimOptions({ noise: 0, ...knobs }),
    attempt: 1,
    fault: undefined,
    cachedInputTokens: 0,
  });
}

describe('the simulated model thinks (think, think-words)', () => {
  it.each(['tags', 'reasoning_content', 'reasoning'] as const)(
    'with think=%s, thinks first and then answers exactly as without thinking',
    (think) => {
      const plain = compose(prose, {});
      const thinking = compose(prose, { think, thinkWords: 120 });
      expect(thinking.text).toBe(plain.text);
      expect(thinking.deltas.slice(thinking.thinkingDeltas).join('')).toBe(plain.text);
      expect(thinking.thinking).toBe(thinking.deltas.slice(0, thinking.thinkingDeltas).join(''));
      expect(countWords(thinking.thinking)).toBe(think === 'tags' ? 122 : 120);
      expect(thinking.usage.outputTokens).toBeGreaterThan(plain.usage.outputTokens);
      // Servers that parse the thinking out report its tokens; llama.cpp-style content does not.
      expect(thinking.usage.reasoningTokens > 0).toBe(think !== 'tags');
    },
  );

  it('wraps tagged thinking in <think> and a blank line', () => {
    const reply = compose(prose, { think: 'tags', thinkWords: 20 });
    expect(reply.thinking).toMatch(/^<think>\n[^<]+\n<\/think>\n\n$/);
  });

  it('counts the thinking toward the output limit, cutting inside it when it is long', () => {
    const reply = compose(
      { ...prose, maxOutputTokens: 100 },
      { think: 'reasoning_content', thinkWords: 1_000 },
    );
    expect(reply.finishReason).toBe('length');
    expect(reply.text).toBe('');
    expect(reply.usage.outputTokens).toBeLessThanOrEqual(100);
    expect(reply.usage.reasoningTokens).toBe(reply.usage.outputTokens);
  });

  it('thinks a quarter as much at low reasoning effort, and not at all at minimal', () => {
    const knobs = { think: 'reasoning_content', thinkWords: 400 } as const;
    expect(countWords(compose({ ...prose, reasoningEffort: 'low' }, knobs).thinking)).toBe(100);
    expect(compose({ ...prose, reasoningEffort: 'minimal' }, knobs).thinking).toBe('');
  });

  it('refuses an unknown form, naming the ones it knows', () => {
    expect(() => parseSimSpec('think=loud')).toThrow(SimOptionError);
    expect(() => parseSimSpec('think=loud')).toThrow(
      /think expects off, tags, reasoning_content or reasoning/,
    );
    expect(parseSimSpec('think=tags,think-words=50')).toMatchObject({
      think: 'tags',
      thinkWords: 50,
    });
  });
});

/** The part of a chat completion these tests read. */
interface Completion {
  choices: Array<{ message: { content: string; reasoning_content?: string } }>;
}
interface Chunk {
  choices: Array<{ delta: { content?: string; reasoning_content?: string } }>;
  usage?: { completion_tokens_details?: { reasoning_tokens: number } };
}

describe('thinking over HTTP', () => {
  let server: SimServer;
  const started: SimServer[] = [];
  const serve = async (options: SimOptionsInput) => {
    const each = await startSimServer({ port: 0, options: { noise: 0, ...options } });
    started.push(each);
    return each;
  };
  beforeAll(async () => {
    server = await serve({ think: 'reasoning_content', thinkWords: 30 });
  });
  afterAll(() => Promise.all(started.map((each) => each.close())));

  const body = { model: 'sim', messages: [{ role: 'user', content: 'Write 40 words on kelp.' }] };
  const post = (target: SimServer, extra: object) =>
    fetch(`${target.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, ...extra }),
    });

  it('streams reasoning_content deltas before the content, and reports reasoning tokens', async () => {
    const text = await (
      await post(server, { stream: true, stream_options: { include_usage: true } })
    ).text();
    const chunks = text
      .split('\n\n')
      .filter((block) => block.startsWith('data: {'))
      .map((block) => JSON.parse(block.slice(6)) as Chunk);
    const deltas = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta));
    const firstContent = deltas.findIndex((delta) => delta.content);
    const lastThinking = deltas.findLastIndex((delta) => delta.reasoning_content);
    expect(lastThinking).toBeGreaterThan(0);
    expect(firstContent).toBeGreaterThan(lastThinking);
    expect(chunks.at(-1)?.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(30);
  });

  it('answers a non-streamed request with the thinking in its own field', async () => {
    const reply = (await (await post(server, {})).json()) as Completion;
    const message = reply.choices[0]?.message;
    expect(countWords(message?.reasoning_content ?? '')).toBe(30);
    expect(countWords(message?.content ?? '')).toBe(40);
  });

  it('puts tagged thinking at the start of the content', async () => {
    const tags = await serve({ think: 'tags', thinkWords: 30 });
    const reply = (await (await post(tags, {})).json()) as Completion;
    expect(reply.choices[0]?.message.content).toMatch(/^<think>\n[\s\S]+<\/think>\n\n\S/);
  });

  it.each(['tags', 'reasoning_content', 'reasoning'] as const)(
    'gives quire the same answer and thinking with think=%s over HTTP as in-process',
    async (think) => {
      const knobs = { think, thinkWords: 30, noise: 0 };
      const over = await serve(knobs);
      const http = resolveModel({ spec: 'openai:sim', baseUrl: over.url });
      const prompt = 'Write about 80 words on salt marshes.';
      const remote = await callText({ model: http.model, prompt });
      const local = await callText({ model: createSimModel(knobs), prompt });
      expect(remote.text).toBe(local.text);
      expect(remote.reasoning).toBe(local.reasoning);
      expect(countWords(remote.text)).toBe(80);
      expect(countWords(remote.reasoning)).toBe(30);
      expect(remote.text).not.toMatch(/think>/);
      expect(remote.usage.reasoningTokens).toBeGreaterThan(30);
    },
  );

  it('honours reasoning_effort: low', async () => {
    const reply = (await (await post(server, { reasoning_effort: 'low' })).json()) as Completion;
    expect(countWords(reply.choices[0]?.message.reasoning_content ?? '')).toBe(8);
  });
});
