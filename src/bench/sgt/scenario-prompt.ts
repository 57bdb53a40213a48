import type { Constraint } from '../../evaluators/constraints/constraint-file-schema.js';
import { describeConstraint } from './describe-constraint.js';

/**
 * The prompt of a generated task: the scenario's opening, the format every entry must follow
 * (a `## <unit> <n>` heading and a minimum length), the constraints in words with "only there",
 * and the scenario's closing. Pure.
 */
export function scenarioPrompt({
  opening,
  unit,
  segments,
  minWords,
  constraints,
  closing,
}: {
  opening: string;
  unit: string;
  segments: number;
  minWords: number;
  constraints: readonly Constraint[];
  closing: string;
}): string {
  return [
    opening,
    '',
    `Write one entry for each ${unit.toLowerCase()} from ${unit} 1 to ${unit} ${segments}, in order. Start every entry on its own line with a heading of the form "## ${unit} N" and write at least ${minWords} words under it.`,
    '',
    `The entries must mention each of the following in the ${unit.toLowerCase()}s given, and only there:`,
    ...constraints.map((constraint) => `- ${describeConstraint({ constraint, unit })}`),
    '',
    closing,
  ].join('\n');
}
