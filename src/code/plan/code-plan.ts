import { z } from 'zod';

/** A requirement line as the plan carries it: the spec's id and its verbatim text. */
export const PlannedRequirementSchema = z.object({
  id: z.string().describe('The requirement id, R1, R2, … in spec order.'),
  text: z.string().describe('The requirement line exactly as the spec writes it.'),
  line: z.int().min(1).describe('1-based line of the requirement in the spec.'),
});

/** Where a step stands. `skipped`: never run because a run cap was reached. */
export const StepStatusSchema = z.enum(['pending', 'running', 'passed', 'failed', 'skipped']);

/** One instruction of the code plan, with its execution state. */
export const CodeInstructionSchema = z.object({
  id: z.string().describe('step-01, step-02, …'),
  title: z.string(),
  details: z.string().describe('What to build: modules, functions, data shapes, behaviour.'),
  requirements: z
    .array(PlannedRequirementSchema)
    .describe('Spec requirements this step implements.'),
  files: z.array(z.string()).describe('Files the step creates or changes.'),
  testFiles: z.array(z.string()).describe('Test files the step writes.'),
  requiresTests: z.boolean().describe('Whether step_complete demands tests written in this step.'),
  status: StepStatusSchema,
  attempts: z.int().min(0).describe('Times the step was started.'),
  summary: z
    .string()
    .optional()
    .describe("The step's own account of what it built, or why it failed."),
  failure: z
    .object({ reason: z.string(), message: z.string() })
    .optional()
    .describe('Why the step failed or was skipped.'),
});

/** Something the planner's normalisation noticed and fixed or reported. */
export const PlanFindingSchema = z.object({
  ruleId: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
});

/** The instruction registry of a code run, persisted as `plan.json`. */
export const CodePlanSchema = z.object({
  kind: z.literal('code'),
  version: z.literal(1),
  requirements: z.array(PlannedRequirementSchema),
  instructions: z.array(CodeInstructionSchema).min(1),
  findings: z.array(PlanFindingSchema),
});

/** A requirement line as an instruction carries it. */
export type PlannedRequirement = z.infer<typeof PlannedRequirementSchema>;
/** Where a step stands. */
export type StepStatus = z.infer<typeof StepStatusSchema>;
/** One instruction of the code plan. */
export type CodeInstruction = z.infer<typeof CodeInstructionSchema>;
/** A note from plan normalisation. */
export type PlanFinding = z.infer<typeof PlanFindingSchema>;
/** The instruction registry of a code run (`plan.json`). */
export type CodePlan = z.infer<typeof CodePlanSchema>;
