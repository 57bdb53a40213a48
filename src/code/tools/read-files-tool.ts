import type { Workspace } from '../workspace/workspace.js';
import type { ReadFilesInput } from './code-tool-inputs.js';
import { describeToolError, type ToolOutcome } from './tool-outcome.js';

/**
 * `read_files`: the text of each file, numbered by path, within `limitChars` per call. A file
 * that does not fit is cut with a note saying so; files after the cap are named, not read.
 */
export async function readFilesTool({
  workspace,
  input,
  limitChars,
}: {
  workspace: Workspace;
  input: ReadFilesInput;
  limitChars: number;
}): Promise<ToolOutcome> {
  const parts: string[] = [];
  const read: string[] = [];
  let failed = false;
  let remaining = limitChars;
  for (const path of input.paths) {
    if (remaining <= 0) {
      parts.push(
        `=== ${path} ===\n(not read: this call reached its cap of ${limitChars} characters; read it in another call)`,
      );
      continue;
    }
    try {
      const file = await workspace.read(path);
      const lineCount = file.content.split('\n').length;
      const shown = file.content.slice(0, remaining);
      remaining -= shown.length;
      read.push(file.path);
      const cut =
        shown.length < file.content.length
          ? `\n(cut: showing ${shown.length} of ${file.content.length} characters)`
          : '';
      parts.push(`=== ${file.path} (${lineCount} lines) ===\n${shown}${cut}`);
    } catch (error) {
      failed = true;
      parts.push(`=== ${path} ===\nerror: ${describeToolError({ error, root: workspace.root })}`);
    }
  }
  return {
    output: parts.join('\n\n'),
    isError: failed && read.length === 0,
    written: [],
    deleted: [],
    read,
  };
}
