import { tool } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelCallError } from '../../src/errors/model-call-error.js';
import { callTools } from '../../src/model/call-tools.js';
import { UsageMeter } from '../../src/model/usage-meter.js';
import { scriptedToolModel, toolTurnStream } from '../code/helpers/tool-model.js';

const noRetryDelay = { maxAttempts: 3, initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };
let executed = 0;
const tools = {
  write: tool({
    description: 'write a file',
    inputSchema: z.object({ path: z.string(), size: z.number().int().default(1) }),
    execute: async () => {
      executed++;
      return 'ran';
    },
  }),
};

describe('callTools', () => {
  it('returns validated tool calls without running them, with text, finish reason and usage', async () => {
    const model = scriptedToolModel([
      { text: 'writing', toolCalls: [{ toolName: 'write', input: { path: 'a.js' } }] },
    ]);
    const meter = new UsageMeter();
    const result = await callTools({
      model,
      retry: noRetryDelay,
      meter,
      messages: [{ role: 'user', content: 'go' }],
      tools,
    });
    expect(executed).toBe(0);
    expect(result).toMatchObject({
      text: 'writing',
      finishReason: 'tool-calls',
      toolCalls: [{ toolName: 'write', input: { path: 'a.js', size: 1 }, error: undefined }],
      usage: { inputTokens: 100, outputTokens: 20 },
      attempts: 1,
    });
    expect(result.assistantMessage.role).toBe('assistant');
    expect(meter.totals()).toMatchObject({ calls: 1, inputTokens: 100 });
    expect(model.doStreamCalls[0]?.tools?.map((each) => each.name)).toEqual(['write']);
  });

  it('reports unusable calls with a short reason the model can act on', async () => {
    const model = scriptedToolModel([
      {
        toolCalls: [
          { toolName: 'write', input: { path: 3 } },
          { toolName: 'erase', input: {} },
          { toolName: 'write', input: '{"path": ' },
        ],
      },
    ]);
    const result = await callTools({
      model,
      retry: noRetryDelay,
      messages: [{ role: 'user', content: 'go' }],
      tools,
    });
    expect(result.toolCalls.map((call) => call.error)).toEqual([
      'the input of write does not match its schema: path: Invalid input: expected string, received number',
      'there is no tool named "erase"; the tools are: write',
      expect.stringContaining('the input of write'),
    ]);
  });

  it('retries a reply with neither text nor a tool call, and counts its tokens', async () => {
    const model = new MockLanguageModelV3({
      doStream: [
        toolTurnStream({ text: '', inputTokens: 7, outputTokens: 0 }),
        toolTurnStream({ toolCalls: [{ toolName: 'write', input: { path: 'b.js' } }] }),
      ],
    });
    const result = await callTools({
      model,
      retry: noRetryDelay,
      messages: [{ role: 'user', content: 'go' }],
      tools,
    });
    expect(result.attempts).toBe(2);
    expect(result.usage.inputTokens).toBe(107);
    expect(result.toolCalls[0]?.input).toEqual({ path: 'b.js', size: 1 });
  });

  it('stops at once, without retrying, when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const model = scriptedToolModel([{ text: 'never' }]);
    const error = await callTools({
      model,
      retry: noRetryDelay,
      abortSignal: controller.signal,
      messages: [{ role: 'user', content: 'go' }],
      tools,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as ModelCallError).reason).toBe('abort');
  });
});
