import type { Workspace } from '../workspace/workspace.js';
import type { DeleteFilesInput } from './code-tool-inputs.js';
import { describeToolError, type ToolOutcome } from './tool-outcome.js';

/** `delete_files`: removes files (not folders); each path is confined to the workspace. */
export async function deleteFilesTool({
  workspace,
  input,
}: {
  workspace: Workspace;
  input: DeleteFilesInput;
}): Promise<ToolOutcome> {
  const lines: string[] = [];
  const deleted: string[] = [];
  let failed = false;
  for (const path of input.paths) {
    try {
      const result = await workspace.remove(path);
      deleted.push(result.path);
      lines.push(`${result.path}: deleted`);
    } catch (error) {
      failed = true;
      lines.push(`${path}: not deleted, ${describeToolError({ error, root: workspace.root })}`);
    }
  }
  return { output: lines.join('\n'), isError: failed, written: [], deleted, read: [] };
}
