import type { Workspace } from './workspace.js';

/**
 * Gives a new, empty workspace a `package.json` declaring ES modules and `node --test` as its
 * test command, so the first step's `.js` files mean what the prompts say they mean. A
 * workspace with any file in it is left as it is.
 */
export async function scaffoldWorkspace({
  workspace,
  name,
}: {
  workspace: Workspace;
  name: string;
}): Promise<boolean> {
  if ((await workspace.list()).files.length > 0) return false;
  const manifest = {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: { test: 'node --test' },
  };
  await workspace.write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}
