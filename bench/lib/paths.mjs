import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bench/ folder. */
export const benchDirectory = dirname(dirname(fileURLToPath(import.meta.url)));
/** The repository root. */
export const rootDirectory = dirname(benchDirectory);
/** The built CLI, as `npx quire` runs it. */
export const cliPath = join(rootDirectory, 'dist', 'cli', 'bin.js');
