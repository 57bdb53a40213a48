import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the usual output, to print its one-line summary.
const jsonReport = process.env.QUIRE_VITEST_JSON;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Integration tests spawn the built CLI and a sim server; give them room on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most of the suite waits on child processes (the CLI, sim servers, generated tests), so two
    // workers keep even a 2-core machine busy; vitest would otherwise use one there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['tests/global-setup.ts'],
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
