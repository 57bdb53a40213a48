import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { EvaluationTarget } from '../../evaluators/read-evaluation-target.js';
import { runFiles } from '../../store/run-store.js';

/** The files `quire eval` reads, which its report must never replace. */
export async function evaluationInputs({
  target,
  evaluationTarget,
  constraints,
  rubric,
  cwd,
}: {
  target: string;
  evaluationTarget: EvaluationTarget;
  constraints: string | undefined;
  rubric: string | undefined;
  cwd: string;
}): Promise<Array<{ path: string; what: string }>> {
  const absolute = resolve(cwd, target);
  const givenFiles = [
    ...(constraints === undefined
      ? []
      : [{ path: resolve(cwd, constraints), what: `the constraints file ${constraints}` }]),
    ...(rubric === undefined
      ? []
      : [{ path: resolve(cwd, rubric), what: `the rubric file ${rubric}` }]),
  ];
  if (evaluationTarget.kind === 'document') {
    return [{ path: absolute, what: `the document being evaluated (${target})` }, ...givenFiles];
  }
  const sections = await readdir(join(absolute, runFiles.sections)).catch(() => [] as string[]);
  return [
    ...[runFiles.document, runFiles.info, runFiles.plan, runFiles.journal].map((name) => ({
      path: join(absolute, name),
      what: `the run's ${name}`,
    })),
    ...sections.map((name) => ({
      path: join(absolute, runFiles.sections, name),
      what: `the run's section ${name}`,
    })),
    ...givenFiles,
  ];
}
