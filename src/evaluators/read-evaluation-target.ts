import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readRunInfo, readRunPlan, readRunSections } from '../store/run-store.js';
import type { ConstraintFile } from './constraints/constraint-file-schema.js';
import type { DocumentSection } from './evaluate-document.js';
import type { Finding } from './finding.js';
import { pairSections } from './pair-sections.js';
import { readTextFile } from './read-text-file.js';

/** What `quire eval` evaluates: a document file, or a run directory and what it knows. */
export interface EvaluationTarget {
  kind: 'document' | 'run';
  /** The target as the user wrote it. */
  path: string;
  text: string;
  /** From the run's task; undefined for a plain file. */
  requiredWords?: number;
  request?: string;
  sections?: DocumentSection[];
  /** The constraints stored with the run's task, if any. */
  constraints?: ConstraintFile;
  /** Where the report goes unless told otherwise. */
  reportPath: string;
  /** What was noticed while reading: a plan whose sections were not all written, … */
  findings: Finding[];
}

/**
 * Reads an evaluation target. A directory is a run: `document.md` (required), `run.json` (the
 * task's prompt and length), `plan.json` and `sections/NNN-*.md` (per-section budgets and
 * texts, in plan order); its report goes to `<run>/report.json`. A file is a document; its
 * report goes to `<file>.report.json`. Throws `InputFileError` for anything unusable.
 */
export async function readEvaluationTarget({
  target,
  cwd = process.cwd(),
}: {
  target: string;
  cwd?: string;
}): Promise<EvaluationTarget> {
  const absolute = resolve(cwd, target);
  const isDirectory = await stat(absolute).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isDirectory) {
    const text = await readTextFile({ path: absolute, shownAs: target, what: 'Document' });
    return {
      kind: 'document',
      path: target,
      text,
      reportPath: `${absolute}.report.json`,
      findings: [],
    };
  }

  // The run's record first: a folder that is no run, or a run from a newer quire, says so.
  const info = await readRunInfo(absolute);
  const text = await readTextFile({
    path: join(absolute, 'document.md'),
    shownAs: join(target, 'document.md'),
    what: 'Run document',
    followLinks: false,
  });
  const plan = await readRunPlan(absolute);
  const findings: Finding[] = [];
  const sections =
    plan === undefined
      ? undefined
      : pairSections({ plan, stored: await readRunSections(absolute), findings });
  return {
    kind: 'run',
    path: target,
    text,
    requiredWords: info.task.words,
    request: info.task.prompt,
    sections,
    constraints: info.task.constraints,
    reportPath: join(absolute, 'report.json'),
    findings,
  };
}
