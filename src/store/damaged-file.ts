import { DamagedFileError, type DamagedFileProblem } from '../errors/damaged-file-error.js';

/**
 * The error for a file quire wrote that is no longer what quire writes: the path, what is wrong
 * with it (`detail` completes "<path> …") and what to do. Pure.
 */
export function damagedFile({
  path,
  problem,
  detail,
  line,
}: {
  path: string;
  problem: DamagedFileProblem;
  detail: string;
  line?: number;
}): DamagedFileError {
  const fix =
    problem === 'symlink'
      ? 'replace it with the file itself'
      : line !== undefined
        ? 'quire writes one JSON object per line, so something else changed it; restore the file, or delete that line to go on'
        : 'restore it from a backup, or move it aside and start again';
  const where = line === undefined ? path : `${path}, line ${line},`;
  return new DamagedFileError({ message: `${where} ${detail}: ${fix}.`, path, problem, line });
}
