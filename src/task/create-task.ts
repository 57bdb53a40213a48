import { limits } from '../config/limits.js';
import { UsageError } from '../errors/usage-error.js';
import { formatCount } from '../util/format-count.js';
import { describeIssue } from '../util/read-json-file.js';
import { visibleText } from '../util/visible-text.js';
import { detectLanguage } from './detect-language.js';
import { parseTargetLength } from './parse-target-length.js';
import { type Task, type TaskInput, TaskSchema } from './task-schema.js';

/** Where the target length came from, for the run summary. */
export type TargetSource = 'given' | 'request' | 'default';

/**
 * Resolves a request into a task: the target length is the one given, else the one stated in
 * the request ("a 10,000-word…", "不少于4000字", "50 pages" at `wordsPerPage`), else
 * `defaultWords`; the language is the one given, else detected from the request. Throws
 * `UsageError` for a request with nothing visible in it, a target above `limits.words`, or a
 * value the task schema refuses.
 */
export function createTask({
  input,
  wordsPerPage,
  defaultWords,
}: {
  input: Partial<TaskInput> & { prompt?: string };
  wordsPerPage: number;
  defaultWords: number;
}): { task: Task; targetSource: TargetSource } {
  const prompt = (input.prompt ?? '').trim();
  if (visibleText(prompt) === '') {
    const invisible = prompt === '' ? '' : ' (it holds only invisible characters)';
    throw new UsageError(
      `The request is empty${invisible}: pass it as an argument (quire write "…") or in a --task file.`,
    );
  }
  const stated = parseTargetLength({ prompt, wordsPerPage });
  const words = input.words ?? stated?.words ?? defaultWords;
  const targetSource: TargetSource = input.words ? 'given' : stated ? 'request' : 'default';
  if (words > limits.words) {
    const from = targetSource === 'request' ? ` ("${stated?.phrase}" in the request)` : '';
    throw new UsageError(
      `The target length is ${formatCount(words)} words${from}, more than the ${formatCount(limits.words)} quire writes in one run: ask for less, or split the work into several runs.`,
    );
  }
  const parsed = TaskSchema.safeParse({
    ...input,
    prompt,
    words,
    lang: input.lang ?? detectLanguage(prompt),
  });
  if (!parsed.success) {
    // Flags such as --lang reach the schema unchecked: a bad one is the user's to fix (exit 2),
    // not an internal error.
    throw new UsageError(
      `The task is not valid (${describeIssue(parsed.error.issues[0])}): check --lang (a language code such as en or zh) and --words, or the task file.`,
    );
  }
  return { task: parsed.data, targetSource };
}
