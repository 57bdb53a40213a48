import { describe, expect, it } from 'vitest';
import { composeReply } from '../../src/sim/compose-reply.js';
import { messagesForAnalysis } from '../../src/sim/messages-for-analysis.js';
import { resolveSimOptions } from '../../src/sim/parse-sim-options.js';
import { renderSimPrompt } from '../../src/sim/render-sim-prompt.js';
import type { SimMessage } from '../../src/sim/sim-request.js';
import { estimateTokens } from '../../src/util/estimate-tokens.js';
import { createSimRequest } from './helpers/requests.js';

describe('messagesForAnalysis', () => {
  it('keeps short messages whole', () => {
    const messages: SimMessage[] = [
      { role: 'system', text: 'You write guides.' },
      { role: 'user', text: 'Write 300 words on tides.' },
    ];
    expect(messagesForAnalysis(messages)).toEqual(messages);
  });

  it('keeps both ends of a huge message, where instructions are, and drops its middle', () => {
    const middle = 'filler '.repeat(1_000_000);
    const [kept] = messagesForAnalysis([
      { role: 'user', text: `Write 321 words on tides.\n${middle}\nUse Markdown headings.` },
    ]);
    expect(kept!.text.length).toBeLessThan(40_000);
    expect(kept!.text.startsWith('Write 321 words on tides.')).toBe(true);
    expect(kept!.text.endsWith('Use Markdown headings.')).toBe(true);
  });

  it('keeps the system messages and the latest 64 others of a long conversation', () => {
    const turns: SimMessage[] = Array.from({ length: 500 }, (_, index) => ({
      role: index % 2 === 0 ? 'user' : 'assistant',
      text: `turn ${index}`,
    }));
    const kept = messagesForAnalysis([{ role: 'system', text: 'rules' }, ...turns]);
    expect(kept).toHaveLength(65);
    expect(kept[0]).toEqual({ role: 'system', text: 'rules' });
    expect(kept.at(-1)).toEqual(turns.at(-1));
  });

  it('leaves the reply to a huge prompt as asked, while usage still counts the whole prompt', () => {
    const huge = `Write about 250 words on tides.\n${'harbour wall '.repeat(400_000)}`;
    const request = createSimRequest({ prompt: huge });
    const prompt = renderSimPrompt(request);
    const reply = composeReply({
      request,
      prompt,
      options: resolveSimOptions({ noise: 0 }),
      attempt: 1,
      fault: undefined,
      cachedInputTokens: 0,
    });
    expect(reply.text.split(/\s+/).filter(Boolean).length).toBeGreaterThan(200);
    expect(reply.usage.inputTokens).toBe(estimateTokens(prompt));
  });
});
