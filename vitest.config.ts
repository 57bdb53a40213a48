import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the usual output, to print its one-line summary.
const jsonReport = process.env.QUIRE_VITEST_JSON;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests marked slow (`*.slow.test.ts`: crash and fault drills, 20,000-word runs, a local
    // model, a browser) run apart, with `npm run test:slow` (vitest.slow.config.ts), so that
    // `npm test` stays within five minutes on 2 cores; CI runs both.
    exclude: [...configDefaults.exclude, 'tests/**/*.slow.test.ts'],
    // Integration tests spawn the built CLI and a sim server. The suite must pass at a load
    // average of 10 on 2 cores, where a CLI run takes five times as long as on a quiet machine:
    // these limits leave that room (tests assert behaviour, never time). Tests known to take
    // longer set their own.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A fresh process per test file spent a third of the suite importing the same modules again.
    // Files now share their worker's modules: helpers keep no state between files (hooks are
    // registered per file or per test), and src keeps only caches of pure results.
    isolate: false,
    // Most of the suite waits on child processes (the CLI, sim servers, generated tests), so two
    // workers keep even a 2-core machine busy; vitest would otherwise use one there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['tests/global-setup.ts'],
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
