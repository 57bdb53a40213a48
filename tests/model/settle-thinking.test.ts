import { describe, expect, it } from 'vitest';
import { settleThinking } from '../../src/model/settle-thinking.js';
import { emptyUsage } from '../../src/model/usage-meter.js';
import { outputError, outputProblem } from '../helpers/output-problem.js';

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

  it('joins thinking sent apart and thinking left before an orphan closing tag', () => {
    expect(
      settleThinking({
        ...reply,
        text: 'in the text</think>\n\nThe answer.',
        reasoning: '  apart  ',
      }),
    ).toMatchObject({ text: 'The answer.', reasoning: 'apart\n\nin the text' });
  });

  it('takes the blank lines after thinking off the answer, and leaves them without thinking', () => {
    expect(settleThinking({ ...reply, text: '\n\nThe answer.', reasoning: 'Hmm.' }).text).toBe(
      'The answer.',
    );
    expect(settleThinking({ ...reply, text: '\n\nThe answer.' }).text).toBe('\n\nThe answer.');
  });

  it('lets a reply that thought to its limit and called a tool through', () => {
    const called = { ...reply, text: '', reasoning: 'Hmm.', finishReason: 'length', toolCalls: 1 };
    expect(settleThinking(called).text).toBe('');
  });

  it('says what thinking used up and keeps its end and its cost', () => {
    const reasoning = `${'x'.repeat(300)}the end`;
    const usage = { ...reply.usage, reasoningTokens: 120 };
    const thought = { ...reply, text: '', reasoning, finishReason: 'length', usage };
    expect(outputError(() => settleThinking(thought))).toMatchObject({
      message:
        'the reply spent its whole output limit thinking (120 reasoning tokens) and wrote no answer',
      excerpt: reasoning.slice(-200),
      usage,
    });
    expect(
      outputError(() => settleThinking({ ...thought, unclosed: true, finishReason: 'stop' })),
    ).toMatchObject({
      message: 'the reply ended inside its thinking, before the closing tag',
      excerpt: reasoning.slice(-200),
      usage,
    });
  });
});
