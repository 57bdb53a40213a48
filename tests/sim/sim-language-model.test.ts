import { generateText, Output, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimModel } from '../../src/sim/create-sim-model.js';
import { estimateTokens } from '../../src/util/estimate-tokens.js';
import { countWords } from './helpers/count-words.js';

const prompt = 'Write about 300 words on the tide pools of the Atlantic coast.';

describe('SimLanguageModel', () => {
  it('answers generateText with prose of the asked length and provider-like usage', async () => {
    const result = await generateText({ model: createSimModel({ noise: 0 }), prompt });
    expect(countWords(result.text)).toBe(300);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.outputTokens).toBe(estimateTokens(result.text));
    expect(result.usage.inputTokens).toBeGreaterThan(estimateTokens(prompt));
    expect(result.usage.inputTokenDetails.cacheReadTokens).toBe(0);
    expect(result.response.id).toMatch(/^chatcmpl-/);
  });

  it('streams the same text it generates', async () => {
    const generated = await generateText({ model: createSimModel({ seed: 3 }), prompt });
    const streamed = streamText({ model: createSimModel({ seed: 3 }), prompt });
    let deltas = 0;
    for await (const part of streamed.fullStream) if (part.type === 'text-delta') deltas++;
    expect(await streamed.text).toBe(generated.text);
    expect(deltas).toBeGreaterThan(200);
    expect((await streamed.usage).outputTokens).toBe(generated.usage.outputTokens);
  });

  it('is deterministic for a seed and a prompt, and varies with either', async () => {
    const text = async (seed: number, words = prompt) =>
      (await generateText({ model: createSimModel({ seed }), prompt: words })).text;
    expect(await text(7)).toBe(await text(7));
    expect(await text(7)).not.toBe(await text(8));
    expect(await text(7)).not.toBe(await text(7, `${prompt} Mention crabs.`));
  });

  it('stops at maxOutputTokens with finish reason length', async () => {
    const result = await generateText({ model: createSimModel({}), prompt, maxOutputTokens: 50 });
    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBeLessThanOrEqual(50);
    expect(result.usage.outputTokens).toBeGreaterThan(45);
  });

  it('reports cached input tokens for a prompt prefix sent before', async () => {
    const model = createSimModel({});
    const context = 'Background on tide pools. '.repeat(400);
    const first = await generateText({
      model,
      system: context,
      prompt: 'Write 50 words on limpets.',
    });
    const second = await generateText({
      model,
      system: context,
      prompt: 'Write 50 words on anemones.',
    });
    expect(first.usage.cachedInputTokens).toBe(0);
    const cached = second.usage.cachedInputTokens ?? 0;
    expect(cached).toBeGreaterThanOrEqual(2560);
    expect((cached - 1024) % 128).toBe(0);
    expect(second.usage.inputTokenDetails.noCacheTokens).toBe(
      (second.usage.inputTokens ?? 0) - cached,
    );
  });

  it('returns an object valid against a zod schema', async () => {
    const schema = z.object({
      title: z.string(),
      steps: z
        .array(z.object({ name: z.string(), minutes: z.number().int().min(1).max(90) }))
        .min(2)
        .max(6),
    });
    const result = await generateText({
      model: createSimModel({}),
      prompt: 'Plan a day of tide pooling.',
      output: Output.object({ schema }),
    });
    expect(schema.safeParse(result.output).success).toBe(true);
  });

  it('calls an offered tool with a valid input, honouring the tool choice', async () => {
    const writeFileInput = z.object({ path: z.string(), content: z.string().min(1) });
    const tools = {
      write_file: tool({ description: 'write a file', inputSchema: writeFileInput }),
      run_tests: tool({
        description: 'run the tests',
        inputSchema: z.object({ pattern: z.string().optional() }),
      }),
    };
    const model = createSimModel({});
    const named = await generateText({
      model,
      prompt: 'Build it.',
      tools,
      toolChoice: { type: 'tool', toolName: 'write_file' },
    });
    expect(named.finishReason).toBe('tool-calls');
    expect(named.toolCalls).toHaveLength(1);
    expect(named.toolCalls[0]?.toolName).toBe('write_file');
    expect(writeFileInput.safeParse(named.toolCalls[0]?.input).success).toBe(true);

    const picked = new Set<string>();
    for (let seed = 0; seed < 12; seed++) {
      const auto = await generateText({
        model: createSimModel({ seed }),
        prompt: 'Build it.',
        tools,
      });
      picked.add(auto.toolCalls[0]?.toolName ?? 'none');
    }
    expect(picked).toEqual(new Set(['write_file', 'run_tests']));

    const none = await generateText({
      model,
      prompt: 'Write 20 words.',
      tools,
      toolChoice: 'none',
    });
    expect(none.toolCalls).toHaveLength(0);
    expect(countWords(none.text)).toBeGreaterThan(15);
  });
});
