import type { CodeInstruction } from '../plan/code-plan.js';

/** An instruction as a step reads it: title, details, its requirement lines verbatim, files. Pure. */
export function formatInstruction(instruction: CodeInstruction): string {
  const lines = [`### ${instruction.id}: ${instruction.title}`, '', instruction.details];
  if (instruction.requirements.length > 0) {
    lines.push('', 'Requirements of the specification this step implements (each one fully):');
    lines.push(...instruction.requirements.map((requirement) => `- ${requirement.text}`));
  }
  if (instruction.files.length > 0)
    lines.push('', `Files to create or change: ${instruction.files.join(', ')}`);
  if (instruction.testFiles.length > 0)
    lines.push(`Tests to write: ${instruction.testFiles.join(', ')}`);
  lines.push(
    '',
    instruction.requiresTests
      ? 'This step must write tests for what it builds; step_complete fails until it has and they pass.'
      : 'This step needs no new tests, but all existing tests must still pass.',
  );
  return lines.join('\n');
}
