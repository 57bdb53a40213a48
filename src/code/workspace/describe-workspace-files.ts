import type { FileEntry } from '../agent/build-step-prompt.js';
import { summariseFile, summaryBytes } from './summarise-file.js';
import type { Workspace } from './workspace.js';

/** Every workspace file with its size and one-line summary, for a step's file list. */
export async function describeWorkspaceFiles({
  workspace,
}: {
  workspace: Workspace;
}): Promise<FileEntry[]> {
  const listing = await workspace.list();
  return Promise.all(
    listing.files.map(async (file) => {
      const content = await workspace.readStart(file.path, summaryBytes).then(
        (read) => read.content,
        () => '',
      );
      return {
        path: file.path,
        size: file.size,
        summary: summariseFile({ path: file.path, content }),
      };
    }),
  );
}
