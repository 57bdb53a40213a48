import type { z } from 'zod';
import { type ConstraintFile, ConstraintFileSchema } from './constraint-file-schema.js';

/** The outcome of validating a constraints value: the file, or the problems, never both. */
export type ValidateConstraintFileResult =
  | { ok: true; constraints: ConstraintFile }
  | { ok: false; problems: string[] };

/**
 * Validates a parsed JSON value as a constraints file, beyond its schema too: ranges that end
 * before they start, units that disagree, no way to find segments. Problems are phrased for
 * people, each with the path of the offending value. Pure.
 */
export function validateConstraintFile(value: unknown): ValidateConstraintFileResult {
  const parsed = ConstraintFileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(describeIssue) };
  const file = parsed.data;
  const problems: string[] = [];
  file.constraints.forEach((constraint, index) => {
    const where = `constraints[${index}]`;
    if (
      constraint.type !== 'once' &&
      constraint.end !== undefined &&
      constraint.end < constraint.start
    ) {
      problems.push(
        `${where}: the ${constraint.type} ends at ${constraint.end}, before its start ${constraint.start}; swap them or fix the numbers`,
      );
    }
    if (
      file.unit !== undefined &&
      constraint.unit !== undefined &&
      !sameUnit(file.unit, constraint.unit)
    ) {
      problems.push(
        `${where}.unit: "${constraint.unit}" differs from the file's unit "${file.unit}"`,
      );
    }
  });
  const units = new Set(
    file.constraints.flatMap((constraint) =>
      constraint.unit ? [constraint.unit.toLowerCase()] : [],
    ),
  );
  if (file.unit === undefined && units.size > 1) {
    problems.push(
      `constraints use several units (${[...units].join(', ')}); one document has one kind of segment`,
    );
  }
  const unit = file.unit ?? file.constraints.find((constraint) => constraint.unit)?.unit;
  if (unit === undefined && file.separator === undefined) {
    problems.push(
      'say how to find the segments: "unit" (a header label such as "Week") and/or "separator" (such as "#*#")',
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, constraints: unit === undefined ? file : { ...file, unit } };
}

function sameUnit(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.reduce<string>(
    (text, part) =>
      typeof part === 'number'
        ? `${text}[${part}]`
        : text
          ? `${text}.${String(part)}`
          : String(part),
    '',
  );
  const where = path || '(top level)';
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    return `${where}: unknown constraint type; use one of "once", "range", "periodic"`;
  }
  if (issue.code === 'unrecognized_keys')
    return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  if (issue.code === 'invalid_type') return `${where}: expected ${issue.expected}`;
  return `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
}
