import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UsageError } from '../../errors/usage-error.js';

/**
 * The data a benchmark reads: `--data`, else the suite's (absolute, shown relative to the
 * working folder), else `fallback` when it exists there. Throws `UsageError` with `missing`
 * (which says what to pass) when there is none.
 */
export function chooseBenchData({
  flag,
  suiteData,
  fallback,
  cwd,
  missing,
}: {
  /** `--data` as given. */
  flag: string | undefined;
  /** The suite's data, resolved to an absolute path. */
  suiteData: string | undefined;
  /** Where the data is looked for by default, relative to `cwd`. */
  fallback: string;
  cwd: string;
  missing: string;
}): string {
  if (flag !== undefined) return flag;
  if (suiteData !== undefined) return relative(cwd, suiteData) || suiteData;
  if (existsSync(resolve(cwd, fallback))) return fallback;
  throw new UsageError(missing);
}
