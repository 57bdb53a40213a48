import { jsonSchema, type ModelMessage, Output, tool } from 'ai';
import { countTokens as cl100kTokens } from 'gpt-tokenizer/encoding/cl100k_base';
import { countTokens as o200kTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { countRequestTokens } from '../../../src/model/tokens/count-request-tokens.js';
import { counterForModel } from '../../../src/model/tokens/counter-for-model.js';
import { loadTokenCounter } from '../../../src/model/tokens/load-token-counter.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import { tokenizerForModel } from '../../../src/model/tokens/tokenizer-for-model.js';

describe('tokenizerForModel', () => {
  it.each([
    ['gpt-4o-mini', 'o200k_base'],
    ['gpt-4.1', 'o200k_base'],
    ['o3-mini', 'o200k_base'],
    ['openai/gpt-oss-20b', 'o200k_base'],
    ['gpt-4-turbo', 'cl100k_base'],
    ['gpt-3.5-turbo', 'cl100k_base'],
    ['llama3.1:8b', 'quire-estimate'],
    ['Qwen/Qwen2.5-7B-Instruct', 'quire-estimate'],
    ['sim', 'quire-estimate'],
    ['ft:gpt-4o-mini-2024-07-18:acme::9xYz12', 'o200k_base'],
    ['ft:gpt-3.5-turbo-0125:acme::7aBc34', 'cl100k_base'],
    ['AIDC-AI/Marco-o1', 'quire-estimate'],
    ['wizardlm-13b-gpt-4-distilled', 'quire-estimate'],
  ])('counts %s in %s', (modelId, tokenizer) => {
    expect(tokenizerForModel(modelId)).toBe(tokenizer);
  });
});

describe('loadTokenCounter', () => {
  it("counts in OpenAI's own vocabularies", async () => {
    const o200k = await loadTokenCounter('o200k_base');
    const cl100k = await loadTokenCounter('cl100k_base');
    expect(o200k.count('hello world')).toBe(2);
    expect(cl100k.count('hello world')).toBe(2);
    expect(o200k.lowestRatio('anything')).toBe(1);
    expect(await loadTokenCounter('o200k_base')).toBe(o200k);
  });

  it('counts each vocabulary in its own encoding', async () => {
    const text = '灯塔看守人每天晚上爬上螺旋楼梯';
    const options = { disallowedSpecial: new Set<string>() };
    expect((await loadTokenCounter('o200k_base')).count(text)).toBe(o200kTokens(text, options));
    expect((await loadTokenCounter('cl100k_base')).count(text)).toBe(cl100kTokens(text, options));
    expect(o200kTokens(text, options)).not.toBe(cl100kTokens(text, options));
  });

  it('cuts a long text after its last whitespace within 1,000 characters, and nowhere else', async () => {
    const counter = await loadTokenCounter('o200k_base');
    const exact = (text: string) => o200kTokens(text, { disallowedSpecial: new Set<string>() });
    // 940 characters of words, then a 550-character run without spaces (a URL, base64) and one
    // more word: the only cut falls after the last space of the words.
    const words = 'the keeper climbed the stairs to trim the wick '.repeat(20);
    const tail = `${'abcdefghij'.repeat(55)} lamp`;
    expect(counter.count(words + tail)).toBe(exact(words) + exact(tail));
    // A text shorter than a piece is counted whole, whatever spaces it has.
    expect(counter.count(tail)).toBe(exact(tail));
  });

  it('counts special-token text as ordinary text, as the API does', async () => {
    const counter = await loadTokenCounter('o200k_base');
    expect(counter.count('a <|endoftext|> b')).toBeGreaterThan(3);
  });

  it('counts long texts piece by piece, costing at most a token per cut', async () => {
    const counter = await loadTokenCounter('o200k_base');
    const chinese = '灯塔看守人每天晚上爬上螺旋楼梯修剪灯芯擦亮巨大的透镜'.repeat(400);
    const english = 'the keeper climbed the stairs to trim the wick '.repeat(400);
    for (const text of [chinese, english]) {
      const whole = counter.count(text);
      const halves = counter.count(text.slice(0, text.length / 2)) * 2;
      expect(Math.abs(whole - halves)).toBeLessThanOrEqual(Math.ceil(text.length / 1_000) + 2);
    }
  });

  it('falls back to quire-estimate, which allows real vocabularies to count less', async () => {
    const counter = await loadTokenCounter('quire-estimate');
    expect(counter).toBe(estimateCounter);
    expect(counter.count('abcdefgh')).toBe(2);
    expect(counter.lowestRatio('plain English text')).toBeCloseTo(0.8);
    expect(counter.lowestRatio('全是中文')).toBeCloseTo(0.55);
  });
});

describe('counterForModel', () => {
  it("counts in an in-process model's own vocabulary, else in the one its id names", async () => {
    const own = { name: 'gguf' as const, count: () => 7, lowestRatio: () => 1 };
    const local = { contextTokens: async () => 4_096, tokenCounter: async () => own };
    expect(await counterForModel({ modelId: 'tiny.gguf', local })).toBe(own);
    expect((await counterForModel({ modelId: 'gpt-4o' })).name).toBe('o200k_base');
    expect(await counterForModel({ modelId: 'llama3.1' })).toBe(estimateCounter);
  });
});

describe('countRequestTokens', () => {
  it('counts the system prompt, the messages, their framing and any schemas', async () => {
    const counter = estimateCounter;
    const prompt = 'Write about tides.'.repeat(10);
    const bare = await countRequestTokens({ counter, request: { prompt } });
    expect(bare.tokens).toBe(3 + 4 + counter.count(prompt));
    const withSystem = await countRequestTokens({
      counter,
      request: { system: 'You write.', prompt },
    });
    expect(withSystem.tokens).toBe(bare.tokens + 4 + counter.count('You write.'));
    const withTools = await countRequestTokens({
      counter,
      request: {
        prompt,
        tools: {
          read_files: tool({
            description: 'Reads files.',
            inputSchema: jsonSchema({ type: 'object', properties: { paths: { type: 'array' } } }),
          }),
        },
      },
    });
    expect(withTools.tokens).toBeGreaterThan(bare.tokens + 10);
    expect(bare.lowestRatio).toBeCloseTo(0.8);
  });

  it('counts a conversation with tool calls and results written out', async () => {
    const { tokens } = await countRequestTokens({
      counter: estimateCounter,
      request: {
        messages: [
          { role: 'user', content: 'List the files.' },
          {
            role: 'assistant',
            content: [
              { type: 'tool-call', toolCallId: '1', toolName: 'list_files', input: { all: true } },
            ],
          },
          {
            role: 'tool',
            content: [
              {
                type: 'tool-result',
                toolCallId: '1',
                toolName: 'list_files',
                output: { type: 'text', value: 'a.js b.js' },
              },
            ],
          },
        ],
      },
    });
    expect(tokens).toBeGreaterThan(3 + 3 * 4 + 10);
  });

  const tokensOf = async (messages: ModelMessage[]) =>
    (await countRequestTokens({ counter: estimateCounter, request: { messages } })).tokens;

  it('counts text and thinking given in parts as the same text given whole', async () => {
    const text = 'Write about the lighthouse keeper and the long winter nights. '.repeat(4);
    expect(await tokensOf([{ role: 'user', content: [{ type: 'text', text }] }])).toBe(
      await tokensOf([{ role: 'user', content: text }]),
    );
    expect(await tokensOf([{ role: 'assistant', content: [{ type: 'reasoning', text }] }])).toBe(
      await tokensOf([{ role: 'assistant', content: text }]),
    );
  });

  it("counts a tool call's input, and nothing for an image", async () => {
    const input = { paths: Array.from({ length: 40 }, (_, index) => `src/chapter-${index}.md`) };
    const call = await tokensOf([
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: '1', toolName: 'read_files', input }],
      },
    ]);
    const empty = await tokensOf([{ role: 'assistant', content: [] }]);
    expect(call - empty).toBeGreaterThanOrEqual(estimateCounter.count(JSON.stringify(input)));
    const text = 'Describe this picture.';
    const withImage = await tokensOf([
      {
        role: 'user',
        content: [
          { type: 'text', text },
          { type: 'image', image: new URL('https://example.com/harbour.png') },
        ],
      },
    ]);
    expect(withImage).toBeLessThanOrEqual((await tokensOf([{ role: 'user', content: text }])) + 1);
  });

  it("counts a structured output's JSON schema, and nothing for plain text output", async () => {
    const prompt = 'List three harbours.';
    const schema = {
      type: 'object',
      properties: { harbours: { type: 'array', items: { type: 'string' } } },
    };
    const bare = await countRequestTokens({ counter: estimateCounter, request: { prompt } });
    const structured = await countRequestTokens({
      counter: estimateCounter,
      request: { prompt, output: Output.object({ schema: jsonSchema(schema) }) },
    });
    expect(structured.tokens).toBe(bare.tokens + estimateCounter.count(JSON.stringify(schema)));
    const text = await countRequestTokens({
      counter: estimateCounter,
      request: { prompt, output: Output.text() },
    });
    expect(text.tokens).toBe(bare.tokens);
  });
});
