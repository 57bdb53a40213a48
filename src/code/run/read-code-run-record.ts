import { RunDirectoryError } from '../../errors/run-directory-error.js';
import { readRunJson, readRunKind, runFiles } from '../../store/run-store.js';
import { type CodeRunRecord, CodeRunRecordSchema } from './code-run-record.js';

/**
 * The `run.json` of a code run in `runDir`, or `undefined` when the folder holds no run. Throws
 * `RunDirectoryError` for a damaged file, a newer format, or a run of another kind.
 */
export async function readCodeRunRecord({
  runDir,
}: {
  runDir: string;
}): Promise<CodeRunRecord | undefined> {
  const kind = await readRunKind(runDir);
  if (kind === undefined) return undefined;
  if (kind !== 'code') {
    throw new RunDirectoryError({
      message: `${runDir} holds a quire write run, not a code run: continue it with quire resume, or choose another --out.`,
      directory: runDir,
      problem: 'notARun',
    });
  }
  return readRunJson({ directory: runDir, name: runFiles.info, schema: CodeRunRecordSchema });
}
