import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/usage-error.js';
import { createTask } from '../../src/task/create-task.js';

const defaults = { wordsPerPage: 500, defaultWords: 2_000 };

describe('createTask', () => {
  it('takes the length stated in the request and detects the language', () => {
    const { task, targetSource } = createTask({
      input: { prompt: 'Write a 3,000-word guide to tides.' },
      ...defaults,
    });
    expect(task).toMatchObject({ words: 3_000, lang: 'en', kind: 'prose' });
    expect(targetSource).toBe('request');
  });

  it('refuses a value the task schema rejects as a usage error, not an internal one', () => {
    expect(() =>
      createTask({ input: { prompt: 'Write about tides.', lang: 'x' }, ...defaults }),
    ).toThrow(UsageError);
    expect(() =>
      createTask({ input: { prompt: 'Write about tides.', lang: 'x' }, ...defaults }),
    ).toThrow(/^The task is not valid \(lang: .*\): check --lang/);
  });
});

describe('createTask refuses what cannot be written', () => {
  const refusal = (input: Parameters<typeof createTask>[0]['input']) => {
    try {
      createTask({ input, wordsPerPage: 500, defaultWords: 2_000 });
      return 'accepted';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('counts a request of only invisible characters as empty', () => {
    expect(refusal({ prompt: '\u200b\u200d\ufeff \u202e\u2066' })).toBe(
      'The request is empty (it holds only invisible characters): pass it as an argument (quire write "…") or in a --task file.',
    );
  });

  it('refuses a target above the most one run writes, whether given or read from the request', () => {
    expect(refusal({ prompt: 'Write about tides', words: 200_001 })).toMatch(
      /^The target length is 200,001 words, more than the 200,000 quire writes in one run/,
    );
    expect(refusal({ prompt: 'Write a 3000-page book about tides' })).toMatch(
      /^The target length is 1,500,000 words \("3000-page" in the request\)/,
    );
    expect(refusal({ prompt: 'Write about tides', words: 200_000 })).toBe('accepted');
  });
});
