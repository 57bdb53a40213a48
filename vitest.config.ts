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
    globalSetup: ['tests/global-setup.ts'],
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
