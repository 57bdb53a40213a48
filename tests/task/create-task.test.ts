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
