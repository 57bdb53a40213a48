import type { UsageTotals } from '../../model/usage-meter.js';
import type { CheckFinding } from '../checks/check-finding.js';
import type { TestRunResult, TestRunStatus, TestTotals } from '../checks/run-node-tests.js';
import type { CodePlan, PlanFinding, StepStatus } from '../plan/code-plan.js';
import type { Confinement } from '../sandbox/sandbox.js';

/** A spec requirement and whether the run met it: every step carrying it passed its checks. */
export interface RequirementStatus {
  id: string;
  text: string;
  status: 'met' | 'unmet';
  steps: Array<{ id: string; status: StepStatus }>;
}

/** `report.json` of a code run. */
export interface CodeRunReport {
  kind: 'code';
  status: 'completed' | 'incomplete';
  /** One line for people. */
  summary: string;
  requirements: { total: number; met: number; unmet: number; items: RequirementStatus[] };
  steps: Array<{
    id: string;
    title: string;
    status: StepStatus;
    attempts: number;
    reason?: string;
    summary?: string;
  }>;
  finalChecks: {
    tests: {
      status: TestRunStatus;
      totals: TestTotals;
      failing: Array<{ path: string; status: string; failures: string[] }>;
    } | null;
    syntaxErrors: CheckFinding[];
    confinement: Confinement | null;
  };
  planFindings: PlanFinding[];
  usage: UsageTotals;
}

/**
 * Builds the report of a code run from its plan and the final checks of the workspace. A run is
 * `completed` only when every step passed, so every requirement is met, no file has a syntax
 * error and the whole test suite passes; anything less is `incomplete`, with the unmet
 * requirements listed. Pure.
 */
export function buildCodeRunReport({
  plan,
  tests,
  syntaxErrors,
  usage,
}: {
  plan: CodePlan;
  tests: TestRunResult | undefined;
  syntaxErrors: CheckFinding[];
  usage: UsageTotals;
}): CodeRunReport {
  const items = plan.requirements.map((requirement): RequirementStatus => {
    const steps = plan.instructions
      .filter((instruction) => instruction.requirements.some((each) => each.id === requirement.id))
      .map((instruction) => ({ id: instruction.id, status: instruction.status }));
    const met = steps.length > 0 && steps.every((step) => step.status === 'passed');
    return { id: requirement.id, text: requirement.text, status: met ? 'met' : 'unmet', steps };
  });
  const met = items.filter((item) => item.status === 'met').length;
  const unmet = items.length - met;
  const stepsPassed = plan.instructions.every((instruction) => instruction.status === 'passed');
  const testsNeeded = plan.instructions.some((instruction) => instruction.requiresTests);
  const testsPass = tests ? tests.status === 'passed' : !testsNeeded;
  const completed = stepsPassed && unmet === 0 && syntaxErrors.length === 0 && testsPass;
  const passedSteps = plan.instructions.filter(
    (instruction) => instruction.status === 'passed',
  ).length;
  const testLine = tests ? `${tests.totals.passed}/${tests.totals.tests} tests passed` : 'no tests';
  return {
    kind: 'code',
    status: completed ? 'completed' : 'incomplete',
    summary: `${met}/${items.length} requirements met, ${passedSteps}/${plan.instructions.length} steps passed, ${testLine}, ${syntaxErrors.length} syntax error(s)`,
    requirements: { total: items.length, met, unmet, items },
    steps: plan.instructions.map((instruction) => ({
      id: instruction.id,
      title: instruction.title,
      status: instruction.status,
      attempts: instruction.attempts,
      ...(instruction.failure && {
        reason: `${instruction.failure.reason}: ${instruction.failure.message}`,
      }),
      ...(instruction.summary !== undefined && { summary: instruction.summary }),
    })),
    finalChecks: {
      tests: tests
        ? {
            status: tests.status,
            totals: tests.totals,
            failing: tests.files
              .filter((file) => file.status !== 'passed')
              .map(({ path, status, failures }) => ({ path, status, failures })),
          }
        : null,
      syntaxErrors,
      confinement: tests?.confinement ?? null,
    },
    planFindings: plan.findings,
    usage,
  };
}
