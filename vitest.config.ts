import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    // A fixed seed for property tests (see the file).
    setupFiles: ['tests/helpers/property-seed.ts'],
  },
});
