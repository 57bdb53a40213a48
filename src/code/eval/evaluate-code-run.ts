import { lstat, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputFileError } from '../../errors/input-file-error.js';
import type { Judge } from '../../evaluators/judge.js';
import { checkWorkspace } from '../checks/check-workspace.js';
import { noTestCounts } from '../checks/parse-tap-summary.js';
import { openSandbox } from '../sandbox/open-sandbox.js';
import type { Sandbox } from '../sandbox/sandbox.js';
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
  diskQuotaMb = 256,
  judgeBudgetTokens = 60_000,
  sandbox,
  abortSignal,
}: {
  runDir: string;
  checklistFile: string;
  /** The judge model (named in the report); no Features % without it. */
  judge?: Judge;
  testTimeoutMs?: number;
  memoryLimitMb?: number;
  diskQuotaMb?: number;
  /** Most tokens of code shown to the judge per call. */
  judgeBudgetTokens?: number;
  /**
   * Where the code's tests and syntax checks run; by default bubblewrap, opened with quire's
   * environment (secrets removed), and `SandboxUnavailableError` when it cannot run here.
   */
  sandbox?: Sandbox;
  abortSignal?: AbortSignal;
}): Promise<CodeEvalReport> {
  const items = await readChecklist({ file: checklistFile });
  const root = await codebaseFolder(runDir);
  const codeSandbox = sandbox ?? (await openSandbox());
  const workspace = await openWorkspace({ root });
  const listing = await workspace.list();
  const files: Array<{ path: string; content: string }> = [];
  const filesNotRead: CodeEvalReport['filesNotRead'] = [];
  for (const file of listing.files) {
    await workspace.read(file.path).then(
      (read) => files.push(read),
      (error: Error) => filesNotRead.push({ path: file.path, reason: error.message }),
    );
  }
  const checks = await checkWorkspace({
    sandbox: codeSandbox,
    workspace,
    limits: { timeoutMs: testTimeoutMs, memoryLimitMb, diskQuotaMb },
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
    filesNotRead,
    syntaxErrors: checks.syntaxErrors,
    features,
    checklist: items.map(({ id, text, section }) => ({ id, text, section })),
  };
}

/**
 * The run's `workspace/` when there is one (a link there is returned too, for `openWorkspace` to
 * refuse: it would lead out of the run), else the folder itself.
 */
async function codebaseFolder(runDir: string): Promise<string> {
  const workspace = await lstat(join(runDir, 'workspace')).catch(() => undefined);
  if (workspace?.isDirectory() || workspace?.isSymbolicLink()) return join(runDir, 'workspace');
  const folder = await stat(runDir).catch(() => undefined);
  if (folder?.isDirectory()) return runDir;
  throw new InputFileError({
    message: `${runDir} is not a folder: give a quire code run directory or a folder holding a codebase.`,
    file: runDir,
    problem: 'missing',
  });
}
