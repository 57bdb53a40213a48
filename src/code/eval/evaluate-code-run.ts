import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputFileError } from '../../errors/input-file-error.js';
import type { Judge } from '../../evaluators/judge.js';
import { checkWorkspace } from '../checks/check-workspace.js';
import { noTestCounts } from '../checks/parse-tap-summary.js';
import { openWorkspace } from '../workspace/workspace.js';
import type { CodeEvalReport } from './code-eval-report.js';
import { judgeFeatures } from './judge-features.js';
import { measureCode } from './measure-code.js';
import { readChecklist } from './read-checklist.js';
import { renderCodebase } from './render-codebase.js';

/**
 * Scores a codebase against a requirement checklist: runs its tests (confined, with a time and
 * memory limit), counts lines of code, checks every file's syntax, and, with a judge model,
 * decides per checklist item whether the code implements it (Features %). `runDir` is a
 * `quire code` run directory (its `workspace/` is evaluated) or any folder holding a codebase.
 * Throws `InputFileError` for a missing folder or an unusable checklist, before running anything.
 */
export async function evaluateCodeRun({
  runDir,
  checklistFile,
  judge,
  testTimeoutMs = 60_000,
  memoryLimitMb = 512,
  judgeBudgetTokens = 60_000,
  env = process.env,
  abortSignal,
}: {
  runDir: string;
  checklistFile: string;
  /** The judge model (named in the report); no Features % without it. */
  judge?: Judge;
  testTimeoutMs?: number;
  memoryLimitMb?: number;
  /** Most tokens of code shown to the judge per call. */
  judgeBudgetTokens?: number;
  env?: Record<string, string | undefined>;
  abortSignal?: AbortSignal;
}): Promise<CodeEvalReport> {
  const items = await readChecklist({ file: checklistFile });
  const root = await codebaseFolder(runDir);
  const workspace = await openWorkspace({ root });
  const listing = await workspace.list();
  const files = await Promise.all(listing.files.map((file) => workspace.read(file.path)));
  const checks = await checkWorkspace({
    workspace,
    limits: { timeoutMs: testTimeoutMs, memoryLimitMb },
    env,
    abortSignal,
  });
  const tests = checks.tests;
  let features: CodeEvalReport['features'] = null;
  if (judge) {
    const codebase = renderCodebase({ files, budgetTokens: judgeBudgetTokens });
    const { name: _name, concurrency: _concurrency, ...call } = judge;
    const judged = await judgeFeatures({
      judge: { ...call, abortSignal: call.abortSignal ?? abortSignal },
      items,
      code: codebase.text,
    });
    const implemented = judged.verdicts.filter((verdict) => verdict.implemented === true).length;
    features = {
      total: items.length,
      implemented,
      undecided: judged.verdicts.filter((verdict) => verdict.implemented === null).length,
      percent: Math.round((implemented / items.length) * 1000) / 10,
      judge: judge.name,
      items: judged.verdicts,
      filesOmitted: codebase.omitted,
      problems: judged.problems,
      usage: judged.usage,
    };
  }
  return {
    kind: 'code-eval',
    workspace: root,
    checklistFile,
    tests: {
      status: tests?.status ?? 'noTests',
      totals: tests?.totals ?? { files: 0, ...noTestCounts },
      failing: (tests?.files ?? [])
        .filter((file) => file.status !== 'passed')
        .map(({ path, status, failures }) => ({ path, status, failures })),
      confinement: tests?.confinement ?? null,
    },
    code: measureCode({ files }),
    syntaxErrors: checks.syntaxErrors,
    features,
    checklist: items.map(({ id, text, section }) => ({ id, text, section })),
  };
}

/** The run's `workspace/` when there is one, else the folder itself. */
async function codebaseFolder(runDir: string): Promise<string> {
  const isFolder = (path: string) =>
    stat(path).then(
      (found) => found.isDirectory(),
      () => false,
    );
  if (await isFolder(join(runDir, 'workspace'))) return join(runDir, 'workspace');
  if (await isFolder(runDir)) return runDir;
  throw new InputFileError({
    message: `${runDir} is not a folder: give a quire code run directory or a folder holding a codebase.`,
    file: runDir,
    problem: 'missing',
  });
}
