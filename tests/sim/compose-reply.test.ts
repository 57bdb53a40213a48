import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { composeReply } from '../../src/sim/compose-reply.js';
import { resolveSimOptions } from '../../src/sim/parse-sim-options.js';
import { renderSimPrompt } from '../../src/sim/render-sim-prompt.js';
import type { SimRequest } from '../../src/sim/sim-request.js';
import { estimateTokens } from '../../src/util/estimate-tokens.js';
import { createSimRequest } from './helpers/requests.js';

const options = resolveSimOptions({ noise: 0 });

function compose(request: SimRequest, extra: Partial<Parameters<typeof composeReply>[0]> = {}) {
  return composeReply({
    request,
    prompt: renderSimPrompt(request),
    options,
    attempt: 1,
    fault: undefined,
    cachedInputTokens: 0,
    ...extra,
  });
}

const prose = createSimRequest({ prompt: 'Write about 200 words on estuaries.' });
const json = createSimRequest({
  prompt: 'List three estuaries.',
  responseFormat: {
    type: 'json',
    schema: z.toJSONSchema(z.object({ names: z.array(z.string()).length(3) })),
  },
});

describe('composeReply', () => {
  it('splits the text into deltas whose token counts add up to the usage', () => {
    const reply = compose(prose);
    expect(reply.deltas.join('')).toBe(reply.text);
    expect(reply.tokensAfter.at(-1)).toBe(reply.usage.outputTokens);
    expect(reply.usage.outputTokens).toBe(estimateTokens(reply.text));
    expect(reply.usage.inputTokens).toBe(estimateTokens(renderSimPrompt(prose)));
    expect(reply.tokensAfter).toEqual([...reply.tokensAfter].sort((left, right) => left - right));
  });

  it('says the same on every attempt, under a new id', () => {
    const first = compose(prose, { attempt: 1 });
    const second = compose(prose, { attempt: 2 });
    expect(second.text).toBe(first.text);
    expect(second.id).not.toBe(first.id);
  });

  it("varies with the caller's seed", () => {
    expect(compose({ ...prose, seed: 1 }).text).not.toBe(compose({ ...prose, seed: 2 }).text);
    expect(compose({ ...prose, seed: 1 }).text).toBe(compose({ ...prose, seed: 1 }).text);
  });

  it('answers JSON for a schema, malformed only under the bad-json fault', () => {
    expect(JSON.parse(compose(json).text).names).toHaveLength(3);
    expect(() => JSON.parse(compose(json, { fault: 'bad-json' }).text)).toThrow();
  });

  it('sends nothing for an empty reply and part of the deltas for a cut one', () => {
    const empty = compose(prose, { fault: 'empty' });
    expect(empty).toMatchObject({ text: '', deltas: [], finishReason: 'stop' });
    expect(empty.usage.outputTokens).toBe(0);
    const cut = compose(prose, { fault: 'cut' });
    expect(cut.cutAfter).toBeGreaterThanOrEqual(Math.floor(cut.deltas.length * 0.2));
    expect(cut.cutAfter).toBeLessThan(cut.deltas.length);
  });

  it('cuts at maxOutputTokens, tool-call input included', () => {
    const short = compose({ ...prose, maxOutputTokens: 30 });
    expect(short.finishReason).toBe('length');
    expect(short.usage.outputTokens).toBeLessThanOrEqual(30);
    const tool = compose({
      ...prose,
      tools: [
        {
          name: 'save',
          description: undefined,
          inputSchema: {
            type: 'object',
            properties: { body: { type: 'string', minLength: 400 } },
            required: ['body'],
          },
        },
      ],
      toolChoice: { type: 'required' },
      maxOutputTokens: 20,
    });
    expect(tool.finishReason).toBe('length');
    expect(tool.toolCalls[0]?.input.length).toBeLessThan(100);
  });

  it('calls a tool instead of writing when the tool choice asks for one', () => {
    const reply = compose({
      ...prose,
      tools: [
        {
          name: 'lookup',
          description: 'look it up',
          inputSchema: {
            type: 'object',
            properties: { query: { type: 'string' } },
            required: ['query'],
          },
        },
      ],
      toolChoice: { type: 'auto' },
    });
    expect(reply).toMatchObject({ text: '', finishReason: 'tool-calls' });
    expect(JSON.parse(reply.toolCalls[0]?.input ?? '')).toEqual({ query: expect.any(String) });
    expect(reply.deltas.join('')).toBe(reply.toolCalls[0]?.input);
  });
});
