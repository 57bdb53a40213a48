import { describe, expect, it } from 'vitest';
import { settleThinking } from '../../src/model/settle-thinking.js';
import { emptyUsage } from '../../src/model/usage-meter.js';
import { outputProblem } from '../helpers/output-problem.js';

const reply = {
  text: 'The answer.',
  reasoning: '',
  unclosed: false,
  finishReason: 'stop',
  toolCalls: 0,
  usage: { ...emptyUsage, outputTokens: 40 },
};

describe('settleThinking', () => {
  it('leaves a reply without thinking as it is', () => {
    expect(settleThinking(reply)).toEqual({
      text: 'The answer.',
      reasoning: '',
      usage: reply.usage,
    });
  });

  it('estimates reasoning tokens only when none were reported', () => {
    const thinking = 'a b c d e f g h i j k l m n o p';
    expect(settleThinking({ ...reply, reasoning: thinking }).usage.reasoningTokens).toBe(8);
    const reported = { ...reply.usage, reasoningTokens: 30 };
    expect(
      settleThinking({ ...reply, reasoning: thinking, usage: reported }).usage.reasoningTokens,
    ).toBe(30);
  });

  it('tells thinking that filled the limit from a cut answer and from an empty reply', () => {
    const thought = { ...reply, text: '', reasoning: 'Hmm.', finishReason: 'length' };
    expect(outputProblem(() => settleThinking(thought))).toBe('thinkingExhausted');
    // Hidden thinking (OpenAI's o-series) shows only in the usage.
    const hidden = { ...thought, reasoning: '', usage: { ...reply.usage, reasoningTokens: 40 } };
    expect(outputProblem(() => settleThinking(hidden))).toBe('thinkingExhausted');
    // A cut answer after thinking goes on to be continued; an empty reply is another problem.
    expect(
      outputProblem(() => settleThinking({ ...thought, text: 'Half an ans' })),
    ).toBeUndefined();
    expect(
      outputProblem(() => settleThinking({ ...reply, text: '', finishReason: 'length' })),
    ).toBe(undefined);
  });

  it('refuses thinking never closed, as used up by the limit or as a failed reply', () => {
    const open = { ...reply, text: 'Intro', reasoning: 'and so on', unclosed: true };
    expect(outputProblem(() => settleThinking({ ...open, finishReason: 'length' }))).toBe(
      'thinkingExhausted',
    );
    expect(outputProblem(() => settleThinking(open))).toBe('unclosedThinking');
  });
});
