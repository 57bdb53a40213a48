import { summariseFile, summaryBytes } from '../workspace/summarise-file.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ListFilesInput } from './code-tool-inputs.js';
import { describeToolError, type ToolOutcome, toolOutcome } from './tool-outcome.js';

/** `list_files`: the files under a folder with sizes and one-line summaries. */
export async function listFilesTool({
  workspace,
  input,
}: {
  workspace: Workspace;
  input: ListFilesInput;
}): Promise<ToolOutcome> {
  try {
    const listing = await workspace.list({ directory: input.directory ?? '.' });
    if (listing.files.length === 0) return toolOutcome('No files yet.');
    const lines = await Promise.all(
      listing.files.map(async (file) => {
        const content = await workspace.readStart(file.path, summaryBytes).then(
          (read) => read.content,
          () => '',
        );
        return `${file.path} (${file.size} bytes) — ${summariseFile({ path: file.path, content })}`;
      }),
    );
    const notes = [
      listing.truncated ? 'The list was cut at its limit.' : '',
      listing.skippedFolders.length > 0 ? `Not listed: ${listing.skippedFolders.join(', ')}.` : '',
      listing.symlinks.length > 0
        ? `Symbolic links (not followed): ${listing.symlinks.join(', ')}.`
        : '',
    ].filter(Boolean);
    return toolOutcome([`${listing.files.length} file(s):`, ...lines, ...notes].join('\n'));
  } catch (error) {
    return toolOutcome(describeToolError({ error, root: workspace.root }), true);
  }
}
