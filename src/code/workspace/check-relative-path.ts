import { posix } from 'node:path';
import type { WorkspacePathProblem } from '../../errors/workspace-path-error.js';

/** Longest path accepted, in characters; far beyond any sane project, short of OS limits. */
export const maxPathLength = 512;
/** Longest single path segment, in UTF-8 bytes (the common filesystem limit). */
export const maxSegmentBytes = 255;

/** The verdict on a path before the filesystem is consulted. */
export type RelativePathCheck =
  | { ok: true; relative: string }
  | { ok: false; problem: WorkspacePathProblem; message: string };

/**
 * Checks a path the model gave, by its text alone: it must be relative, use `/`, stay inside the
 * workspace after `..` is resolved, be of sane length, and have no folder or file name starting
 * with `-` (which a program given the path could take for an option, such as Node's
 * `--require=…`). Returns the normalised relative path (`.` for the workspace itself). Symbolic
 * links are checked later, on disk. Pure.
 */
export function checkRelativePath(path: string): RelativePathCheck {
  const refuse = (problem: WorkspacePathProblem, message: string): RelativePathCheck => ({
    ok: false,
    problem,
    message,
  });
  if (typeof path !== 'string' || path.trim() === '') {
    return refuse('empty', 'the path is empty: give a path relative to the project root');
  }
  if (path.includes('\0')) return refuse('nulByte', 'the path contains a NUL byte');
  if (path.length > maxPathLength) {
    return refuse(
      'tooLong',
      `the path is ${path.length} characters long; the limit is ${maxPathLength}`,
    );
  }
  if (/^[a-zA-Z]:/.test(path) || path.startsWith('/') || path.startsWith('\\')) {
    return refuse('absolute', `"${path}" is absolute: give a path relative to the project root`);
  }
  if (path.includes('\\')) {
    return refuse('backslash', `"${path}" contains a backslash: separate folders with "/"`);
  }
  if (path === '~' || path.startsWith('~/')) {
    return refuse(
      'home',
      `"${path}" points at a home directory: give a path relative to the project root`,
    );
  }
  const normalised = posix.normalize(path.trim()).replace(/\/+$/, '') || '.';
  if (normalised === '..' || normalised.startsWith('../')) {
    return refuse('escapes', `"${path}" leads outside the project: paths must stay inside it`);
  }
  const optionLike = normalised.split('/').find((segment) => segment.startsWith('-'));
  if (optionLike !== undefined) {
    return refuse(
      'optionLike',
      `"${path.slice(0, 80)}" has a name starting with "-" ("${optionLike.slice(0, 40)}"), which programs read as an option: rename it`,
    );
  }
  const long = normalised
    .split('/')
    .find((segment) => Buffer.byteLength(segment) > maxSegmentBytes);
  if (long !== undefined) {
    return refuse(
      'tooLong',
      `a folder or file name in "${path.slice(0, 80)}…" is longer than ${maxSegmentBytes} bytes`,
    );
  }
  return { ok: true, relative: normalised };
}
