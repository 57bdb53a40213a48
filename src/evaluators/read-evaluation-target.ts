import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ConstraintFile } from './constraints/constraint-file-schema.js';
import { validateConstraintFile } from './constraints/validate-constraint-file.js';
import type { DocumentSection } from './evaluate-document.js';
import type { Finding } from './finding.js';
import { readRunJsonFile } from './read-run-json-file.js';
import { readRunSections } from './read-run-sections.js';
import { readTextFile } from './read-text-file.js';
import { PlanFileSchema, RunFileSchema } from './run-files-schema.js';

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

  const text = await readTextFile({
    path: join(absolute, 'document.md'),
    shownAs: join(target, 'document.md'),
    what: 'Run document',
  });
  const run = await readRunJsonFile({
    path: join(absolute, 'run.json'),
    shownAs: join(target, 'run.json'),
    schema: RunFileSchema,
  });
  const plan = await readRunJsonFile({
    path: join(absolute, 'plan.json'),
    shownAs: join(target, 'plan.json'),
    schema: PlanFileSchema,
  });
  const findings: Finding[] = [];
  let constraints: ConstraintFile | undefined;
  if (run?.task.constraints !== undefined) {
    const checked = validateConstraintFile(run.task.constraints);
    if (checked.ok) constraints = checked.constraints;
    else
      findings.push({
        evaluator: 'constraints',
        ruleId: 'constraints/run-constraints-unreadable',
        severity: 'warning',
        message: `The constraints in run.json cannot be used (${checked.problems[0]}); pass --constraints <file>.`,
      });
  }
  const sections =
    plan === undefined ? undefined : await readRunSections({ directory: absolute, plan, findings });
  return {
    kind: 'run',
    path: target,
    text,
    requiredWords: run?.task.words,
    request: run?.task.prompt,
    sections,
    constraints,
    reportPath: join(absolute, 'report.json'),
    findings,
  };
}
