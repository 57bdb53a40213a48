import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// CLI tests spawn dist/cli/bin.js. `npm test` builds first; this keeps a bare `npx vitest` honest
// by rebuilding when any source file is newer than the build.
export default function setup(): void {
  const built = safeMtime('dist/cli/bin.js');
  if (built !== 0 && newestSource('src') <= built) return;
  try {
    execFileSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
      {
        stdio: 'inherit',
      },
    );
  } catch {
    // The type errors are printed above; tests that do not spawn the CLI can still run.
    console.warn('quire: the build failed; CLI tests will run against the previous dist/.');
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : safeMtime(path));
  }
  return newest;
}

function safeMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
