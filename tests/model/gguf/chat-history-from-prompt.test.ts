import { UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { chatHistoryFromPrompt } from '../../../src/model/gguf/chat-history-from-prompt.js';

describe('chatHistoryFromPrompt', () => {
  it('turns each message into its own turn and ends with the model turn to generate', () => {
    expect(
      chatHistoryFromPrompt([
        { role: 'system', content: 'You write guides.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Plan ' },
            { type: 'text', text: 'it.' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'Thinking. ' },
            { type: 'text', text: 'A plan.' },
          ],
        },
        { role: 'user', content: [{ type: 'text', text: 'Go on.' }] },
      ]),
    ).toEqual([
      { type: 'system', text: 'You write guides.' },
      { type: 'user', text: 'Plan it.' },
      { type: 'model', response: ['Thinking. A plan.'] },
      { type: 'user', text: 'Go on.' },
      { type: 'model', response: [] },
    ]);
  });

  it('refuses tool messages and file parts, naming what a gguf: model cannot take', () => {
    expect(() =>
      chatHistoryFromPrompt([
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: '1',
              toolName: 'read',
              output: { type: 'text', value: 'x' },
            },
          ],
        },
      ]),
    ).toThrow(new UnsupportedFunctionalityError({ functionality: 'tool messages (gguf: model)' }));
    const withFile = () =>
      chatHistoryFromPrompt([
        {
          role: 'user',
          content: [{ type: 'file', data: 'aGk=', mediaType: 'text/plain' }],
        },
      ]);
    expect(withFile).toThrow(UnsupportedFunctionalityError);
    expect(withFile).toThrow(/file parts \(gguf: model\)/);
  });
});
