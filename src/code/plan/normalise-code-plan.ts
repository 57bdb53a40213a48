import { isTestFile } from '../checks/is-test-file.js';
import { checkRelativePath } from '../workspace/check-relative-path.js';
import type { CodeInstruction, CodePlan, PlanFinding, PlannedRequirement } from './code-plan.js';
import type { CodePlanAnswer } from './code-plan-answer.js';
import { requirementKey, type SpecRequirement } from './extract-requirements.js';

/** A normalised plan and the spec requirements no instruction carries. */
export interface NormaliseCodePlanResult {
  plan: CodePlan;
  missing: SpecRequirement[];
}

const codeFile = /\.(c|m)?(j|t)sx?$/;

/**
 * Turns the planner's answer into the instruction registry. Requirement lines are matched to the
 * spec's by `requirementKey` and stored in the spec's exact words; a line that matches none is a
 * paraphrase, kept in the details and reported. Paths that would leave the workspace are dropped
 * and reported; a step that writes code must write tests. Returns the requirements left
 * unassigned, for the planner to be asked again or for `attachMissingRequirements`. Pure.
 */
export function normaliseCodePlan({
  answer,
  requirements,
}: {
  answer: CodePlanAnswer;
  requirements: SpecRequirement[];
}): NormaliseCodePlanResult {
  const byKey = new Map(
    requirements.map((requirement) => [requirementKey(requirement.text), requirement]),
  );
  const findings: PlanFinding[] = [];
  const assigned = new Set<string>();
  const instructions = answer.instructions.map((step, index): CodeInstruction => {
    const id = `step-${String(index + 1).padStart(2, '0')}`;
    const carried: PlannedRequirement[] = [];
    const paraphrased: string[] = [];
    for (const text of step.requirements) {
      const match = byKey.get(requirementKey(text));
      if (match === undefined) paraphrased.push(text.trim());
      else if (!carried.some((each) => each.id === match.id)) {
        carried.push({ id: match.id, text: match.text, line: match.line });
        assigned.add(match.id);
      }
    }
    if (paraphrased.length > 0) {
      findings.push({
        ruleId: 'requirement-not-verbatim',
        severity: 'warning',
        message: `${id} lists ${paraphrased.length} line(s) that are not requirement lines of the spec: ${paraphrased.map((text) => `"${text.slice(0, 80)}"`).join(', ')}`,
      });
    }
    const files = keepPaths({ paths: step.files, id, findings });
    const testFiles = keepPaths({ paths: step.testFiles, id, findings });
    for (const path of testFiles.filter((each) => !isTestFile(each))) {
      findings.push({
        ruleId: 'test-file-name',
        severity: 'warning',
        message: `${id}: ${path} is not named like a test file, so node --test would not run it`,
      });
    }
    if (files.length === 0) {
      findings.push({
        ruleId: 'no-files',
        severity: 'warning',
        message: `${id} names no file to create or change; the step will have to choose`,
      });
    }
    const writesCode = files.some((path) => codeFile.test(path));
    if (writesCode && testFiles.length === 0) {
      findings.push({
        ruleId: 'no-test-files',
        severity: 'warning',
        message: `${id} writes code but names no test file; it must still write tests`,
      });
    }
    const extra = paraphrased.length > 0 ? `\n\nAlso planned: ${paraphrased.join(' ')}` : '';
    return {
      id,
      title: step.title.trim() || `Step ${index + 1}`,
      details: `${step.details.trim()}${extra}`,
      requirements: carried,
      files,
      testFiles,
      requiresTests: writesCode || testFiles.length > 0 || carried.length > 0,
      status: 'pending',
      attempts: 0,
    };
  });
  const missing = requirements.filter((requirement) => !assigned.has(requirement.id));
  const plan: CodePlan = {
    kind: 'code',
    version: 1,
    requirements: requirements.map(({ id, text, line }) => ({ id, text, line })),
    instructions,
    findings,
  };
  return { plan, missing };
}

/**
 * Gives the requirements no instruction carries a final instruction of their own, so none is
 * dropped, and records that quire had to do so. Pure.
 */
export function attachMissingRequirements({
  plan,
  missing,
}: {
  plan: CodePlan;
  missing: SpecRequirement[];
}): CodePlan {
  if (missing.length === 0) return plan;
  const id = `step-${String(plan.instructions.length + 1).padStart(2, '0')}`;
  return {
    ...plan,
    instructions: [
      ...plan.instructions,
      {
        id,
        title: 'Implement the remaining requirements',
        details:
          'Implement each requirement below in the existing modules (or new ones where none fits), with tests.',
        requirements: missing.map(({ id: requirementId, text, line }) => ({
          id: requirementId,
          text,
          line,
        })),
        files: [],
        testFiles: [],
        requiresTests: true,
        status: 'pending',
        attempts: 0,
      },
    ],
    findings: [
      ...plan.findings,
      {
        ruleId: 'requirements-attached',
        severity: 'warning',
        message: `the planner left ${missing.length} requirement(s) unassigned (${missing.map((each) => each.id).join(', ')}); quire added ${id} for them`,
      },
    ],
  };
}

function keepPaths({
  paths,
  id,
  findings,
}: {
  paths: string[];
  id: string;
  findings: PlanFinding[];
}): string[] {
  const kept: string[] = [];
  for (const path of paths) {
    const checked = checkRelativePath(path);
    if (!checked.ok || checked.relative === '.') {
      findings.push({
        ruleId: 'bad-path',
        severity: 'warning',
        message: `${id}: dropped path "${path.slice(0, 80)}": ${checked.ok ? 'it names the project root' : checked.message}`,
      });
    } else if (!kept.includes(checked.relative)) kept.push(checked.relative);
  }
  return kept;
}
