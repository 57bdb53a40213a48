import type { Workspace } from '../workspace/workspace.js';
import type { WriteFilesInput } from './code-tool-inputs.js';
import { describeToolError, type ToolOutcome } from './tool-outcome.js';

/** `write_files`: creates or replaces whole files; each path is confined to the workspace. */
export async function writeFilesTool({
  workspace,
  input,
  maxFileChars,
}: {
  workspace: Workspace;
  input: WriteFilesInput;
  maxFileChars: number;
}): Promise<ToolOutcome> {
  const lines: string[] = [];
  const written: string[] = [];
  let failed = false;
  for (const file of input.files) {
    if (file.content.length > maxFileChars) {
      failed = true;
      lines.push(
        `${file.path}: refused, ${file.content.length} characters is over the limit of ${maxFileChars}; split it into smaller modules`,
      );
      continue;
    }
    try {
      const result = await workspace.write(file.path, file.content);
      written.push(result.path);
      lines.push(
        `${result.path}: ${result.created ? 'created' : 'replaced'} (${file.content.split('\n').length} lines)`,
      );
    } catch (error) {
      failed = true;
      lines.push(`${file.path}: refused, ${describeToolError({ error, root: workspace.root })}`);
    }
  }
  return { output: lines.join('\n'), isError: failed, written, deleted: [], read: [] };
}
