import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputFileError } from '../../errors/input-file-error.js';
import { UsageError } from '../../errors/usage-error.js';
import { findNonText } from '../../util/find-non-text.js';

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
  if (taskFile === undefined) return inline === '' ? undefined : { spec: inline };
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(cwd, taskFile));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError({
      message:
        code === 'ENOENT'
          ? `Specification file ${taskFile} does not exist: check the --task path.`
          : `Cannot read specification file ${taskFile} (${code ?? String(error)}).`,
      file: taskFile,
      problem: code === 'ENOENT' ? 'missing' : 'unreadable',
      cause: error,
    });
  }
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
  if (text.trim() === '') {
    throw new InputFileError({
      message: `Specification file ${taskFile} is empty: write what to build in it.`,
      file: taskFile,
      problem: 'empty',
    });
  }
  return { spec: text.trim(), specFile: taskFile };
}
