import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, rootDirectory } from './paths.mjs';

/**
 * Makes sure `dist/` is built from the current `src/`: rebuilds when any source file is newer
 * than the built CLI (or there is none), so the bench never measures stale code. Returns what
 * it did, for the results file. Throws when the build fails.
 */
export function ensureBuild() {
  const built = mtime(cliPath);
  const newest = newestFile(join(rootDirectory, 'src'));
  if (built !== 0 && newest <= built) return { rebuilt: false };
  console.log('bench: dist/ is older than src/; building first (npm run build)…');
  try {
    execFileSync(
      process.execPath,
      [
        join(rootDirectory, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        'tsconfig.build.json',
      ],
      { cwd: rootDirectory, stdio: 'inherit' },
    );
  } catch {
    throw new Error(
      'the build failed (see the type errors above); fix them and run the bench again',
    );
  }
  return { rebuilt: true };
}

function newestFile(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(path) : mtime(path));
  }
  return newest;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
