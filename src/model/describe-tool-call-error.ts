import { InvalidToolInputError, NoSuchToolError } from 'ai';

/** A short reason the model can act on, instead of the SDK's multi-line dump. */
export function describeToolCallError(error: unknown): string {
  if (NoSuchToolError.isInstance(error)) {
    const available = error.availableTools?.join(', ') ?? 'none';
    return `there is no tool named "${error.toolName}"; the tools are: ${available}`;
  }
  if (InvalidToolInputError.isInstance(error)) {
    const issues = findIssues(error);
    if (issues) return `the input of ${error.toolName} does not match its schema: ${issues}`;
    return `the input of ${error.toolName} is not valid JSON for its schema`;
  }
  return error instanceof Error ? error.message.split('\n', 1)[0]! : String(error);
}

function findIssues(error: unknown): string | undefined {
  for (let current = error, depth = 0; current != null && depth < 4; depth++) {
    const issues = (current as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    if (Array.isArray(issues)) {
      return issues
        .slice(0, 5)
        .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
        .join('; ');
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
