import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callObject } from '../../src/model/call-object.js';
import { callText } from '../../src/model/call-text.js';
import { callTools } from '../../src/model/call-tools.js';
import { thinkingTags } from '../../src/model/separate-thinking.js';
import { UsageMeter } from '../../src/model/usage-meter.js';
import { scriptedModel } from '../helpers/mock-model.js';

const answer = 'The tide turns twice a day along the granite coast.';

describe('thinking is kept apart from the answer', () => {
  it.each(thinkingTags)('takes a leading <%s> block out of the text', async (tag) => {
    const model = scriptedModel([
      { text: `<${tag}>\nThe user wants tides. Keep it short.\n</${tag}>\n\n${answer}` },
    ]);
    const result = await callText({ model, prompt: 'Tides?' });
    expect(result.text).toBe(answer);
    expect(result.reasoning).toBe('The user wants tides. Keep it short.');
  });

  it('finds a tag split across stream pieces', async () => {
    // The mock streams 16-character pieces: the tags fall across them.
    const model = scriptedModel([{ text: `xx<think>hidden plan of attack</think>${answer}` }]);
    const result = await callText({ model, prompt: 'Tides?' });
    expect(result.text).not.toContain('hidden');
    expect(result.text).toContain(answer);
    expect(result.reasoning).toBe('hidden plan of attack');
  });

  it('takes thinking whose opening tag was in the prompt template', async () => {
    const model = scriptedModel([{ text: `Let me plan the answer first.\n</think>\n\n${answer}` }]);
    const result = await callText({ model, prompt: 'Tides?' });
    expect(result.text).toBe(answer);
    expect(result.reasoning).toBe('Let me plan the answer first.');
  });

  it('reads reasoning parts (reasoning_content) and the reasoning tokens the provider reports', async () => {
    const model = scriptedModel([
      { reasoning: 'Think about the moon.', reasoningTokens: 7, outputTokens: 20, text: answer },
    ]);
    const meter = new UsageMeter();
    const result = await callText({ model, prompt: 'Tides?', meter });
    expect(result.text).toBe(answer);
    expect(result.reasoning).toBe('Think about the moon.');
    expect(result.usage).toMatchObject({ outputTokens: 20, reasoningTokens: 7 });
    expect(meter.totals()).toMatchObject({ outputTokens: 20, reasoningTokens: 7 });
  });

  it('estimates reasoning tokens when the server leaves the thinking in the content', async () => {
    const model = scriptedModel([
      { text: `<think>${'moon and sun '.repeat(20)}</think>${answer}`, outputTokens: 90 },
    ]);
    const result = await callText({ model, prompt: 'Tides?' });
    expect(result.usage.outputTokens).toBe(90);
    expect(result.usage.reasoningTokens).toBeGreaterThan(50);
    expect(result.usage.reasoningTokens).toBeLessThan(90);
  });

  it('hands the thinking of the reply used to onThinking, and nothing for a reply without', async () => {
    const thoughts: string[] = [];
    const onThinking = (thinking: string) => thoughts.push(thinking);
    await callText({
      model: scriptedModel([{ text: `<think>first</think>${answer}` }]),
      prompt: 'Tides?',
      onThinking,
    });
    await callText({ model: scriptedModel([{ text: answer }]), prompt: 'Tides?', onThinking });
    expect(thoughts).toEqual(['first']);
  });

  it('parses JSON after a think block, even one holding braces and a fence', async () => {
    const schema = z.object({ title: z.string(), sections: z.array(z.string()) });
    const model = scriptedModel([
      {
        text: '<think>Maybe {"title": "draft"}? No:\n```json\n{"bad": true}\n```\nbetter plan.</think>\nHere is the plan:\n```json\n{"title":"Tides","sections":["Moon","Sun"]}\n```',
      },
    ]);
    const result = await callObject({ model, schema, prompt: 'Plan' });
    expect(result.object).toEqual({ title: 'Tides', sections: ['Moon', 'Sun'] });
  });

  it('leaves the thinking out of the assistant message a conversation goes on with', async () => {
    const model = scriptedModel([{ reasoning: 'Private musing.', text: answer }]);
    const result = await callTools({
      model,
      messages: [{ role: 'user', content: 'Tides?' }],
      tools: {},
    });
    expect(JSON.stringify(result.assistantMessage)).not.toContain('Private musing');
    expect(JSON.stringify(result.assistantMessage)).toContain('granite');
  });
});
