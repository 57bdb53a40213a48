import { resolve } from 'node:path';
import { fileLimits } from '../../config/limits.js';
import { InputFileError } from '../../errors/input-file-error.js';
import { UsageError } from '../../errors/usage-error.js';
import { findNonText } from '../../util/find-non-text.js';
import { readInputFile } from '../../util/read-input-file.js';
import { visibleText } from '../../util/visible-text.js';

/** A specification and where it came from. */
export interface CodeSpec {
  spec: string;
  /** The `--task` file as given, when the spec came from one. */
  specFile?: string;
}

/**
 * The specification of `quire code`: the words after the command, or the text of `--task`.
 * Both at once is a `UsageError`; a missing, unreadable, non-UTF-8 or blank file an
 * `InputFileError`.
 * Returns `undefined` when neither was given (or the words are blank): the caller decides
 * whether that is an error or a resume.
 */
export async function readCodeSpec({
  words,
  taskFile,
  cwd,
}: {
  words: string[];
  taskFile: string | undefined;
  cwd: string;
}): Promise<CodeSpec | undefined> {
  const inline = words.join(' ').trim();
  if (inline !== '' && taskFile !== undefined) {
    throw new UsageError(
      'Give the specification either after "quire code" or with --task, not both.',
    );
  }
  if (taskFile === undefined) return visibleText(inline) === '' ? undefined : { spec: inline };
  const bytes = await readInputFile({
    path: resolve(cwd, taskFile),
    shownAs: taskFile,
    what: 'Specification file',
    maxBytes: fileLimits.taskFile,
    flag: '--task',
  });
  const notText = findNonText(bytes);
  if (notText !== undefined) {
    throw new InputFileError({
      message: `Specification file ${taskFile} is not UTF-8 text (${notText.description}): convert it to UTF-8.`,
      file: taskFile,
      problem: 'notText',
      line: notText.line,
    });
  }
  const text = bytes.toString('utf8');
  if (visibleText(text) === '') {
    throw new InputFileError({
      message: `Specification file ${taskFile} is empty: write what to build in it.`,
      file: taskFile,
      problem: 'empty',
    });
  }
  return { spec: text.trim(), specFile: taskFile };
}
