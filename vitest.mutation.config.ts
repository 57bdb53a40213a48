import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The suite as mutation testing runs it. Stryker changes `src/` in a sandbox copy; tests that
// spawn the built CLI run `dist/`, which never holds a mutant, so there they would only cost
// time (they still run in `npm test`). No build step either, for the same reason.
// QUIRE_MUTATION_TESTS narrows the run to some test files (globs joined by commas), to measure
// one folder at a time on a small machine.
const only = process.env.QUIRE_MUTATION_TESTS?.split(',');

export default defineConfig({
  test: {
    ...base.test,
    include: only ?? base.test?.include,
    exclude: ['tests/cli/**', 'tests/reliability/**', 'tests/integration/**', '**/node_modules/**'],
    globalSetup: [],
    // One Stryker worker runs one test worker: the machine is shared.
    maxWorkers: 1,
    reporters: ['default'],
    outputFile: undefined,
  },
});
