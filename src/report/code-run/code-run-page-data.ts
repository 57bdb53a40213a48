import { z } from 'zod';
import { buildCodeRunReport, type RequirementStatus } from '../../code/run/code-run-report.js';
import type { CodeRunFiles } from './read-code-run-files.js';

/** One step of a code run with its last test run. */
export interface StepRow {
  id: string;
  title: string;
  status: string;
  attempts: number;
  /** Tests of the step's last check; null when it ran none. */
  passed: number | null;
  failed: number | null;
  reason: string | undefined;
}

const CheckEndSchema = z.looseObject({
  type: z.literal('check-end'),
  stepId: z.string(),
  tests: z.looseObject({ passed: z.number(), failed: z.number() }).optional(),
});

/**
 * The steps of a code run with the tests of each step's last check (from the journal), and
 * the spec's requirements met and unmet, decided as the run's own report decides them. Pure.
 */
export function codeRunPageData({ files }: { files: CodeRunFiles }): {
  steps: StepRow[];
  requirements: RequirementStatus[];
} {
  const lastTests = new Map<string, { passed: number; failed: number }>();
  for (const event of files.events) {
    const parsed = CheckEndSchema.safeParse(event);
    if (parsed.success && parsed.data.tests) lastTests.set(parsed.data.stepId, parsed.data.tests);
  }
  if (files.plan === undefined) return { steps: [], requirements: [] };
  const report = buildCodeRunReport({
    plan: files.plan,
    tests: undefined,
    syntaxErrors: [],
    usage: files.record.usage,
  });
  return {
    steps: report.steps.map((step) => ({
      id: step.id,
      title: step.title,
      status: step.status,
      attempts: step.attempts,
      passed: lastTests.get(step.id)?.passed ?? null,
      failed: lastTests.get(step.id)?.failed ?? null,
      reason: step.reason,
    })),
    requirements: report.requirements.items,
  };
}
