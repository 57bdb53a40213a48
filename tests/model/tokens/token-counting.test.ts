import { jsonSchema, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { countRequestTokens } from '../../../src/model/tokens/count-request-tokens.js';
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
});
