import { resolve } from 'node:path';
import { fileLimits } from '../config/limits.js';
import { InputFileError } from '../errors/input-file-error.js';
import { findNonText } from './find-non-text.js';
import { parseJsonText } from './parse-json-text.js';
import { readInputFile } from './read-input-file.js';

/**
 * Reads a JSON file the user named. Each failure is an `InputFileError` saying which file, what
 * is wrong (missing, not a regular file, too large, unreadable, not UTF-8, empty, not JSON — with
 * line and column) and what to do.
 */
export async function readJsonFile({
  path,
  cwd,
  what,
  maxBytes = fileLimits.taskFile,
}: {
  /** As the user wrote it; messages show it this way. */
  path: string;
  /** Relative paths are read from here. */
  cwd: string;
  /** What the file is, for messages, e.g. "task file". */
  what: string;
  /** The largest file read; larger ones are refused before reading. */
  maxBytes?: number;
}): Promise<unknown> {
  const bytes = await readInputFile({
    path: resolve(cwd, path),
    shownAs: path,
    what: `The ${what}`,
    maxBytes,
  });
  const notText = findNonText(bytes);
  if (notText !== undefined) {
    throw new InputFileError({
      message: `The ${what} ${path} is not UTF-8 text (${notText.description}): save it as UTF-8 JSON.`,
      file: path,
      problem: 'notText',
      line: notText.line,
    });
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') {
    throw new InputFileError({
      message: `The ${what} ${path} is empty: it must hold JSON.`,
      file: path,
      problem: 'empty',
    });
  }
  return parseJsonText({ text, file: path, what: `The ${what}` });
}

/** Describes the first zod issue of a file's content as "path: message". */
export function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'invalid content';
  const where = issue.path.map(String).join('.');
  const message = /received undefined$/.test(issue.message)
    ? 'missing'
    : issue.message.replace(/^Invalid input: /, '');
  return where ? `${where}: ${message}` : message;
}
