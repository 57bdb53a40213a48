import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The tests marked slow (`*.slow.test.ts`), which `npm test` leaves out: `npm run test:slow`.
export default defineConfig({
  test: {
    ...base.test,
    include: ['tests/**/*.slow.test.ts'],
    exclude: configDefaults.exclude,
  },
});
