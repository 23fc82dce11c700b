import { defineConfig } from 'vitest/config';

/**
 * Browser tests (`npm run test:e2e`): the global setup builds the site once
 * under the base path `/portfolio/`, serves it on 127.0.0.1 and starts
 * Chromium; each test file connects to that browser. See tests/e2e/README.md.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Pages settle asynchronously (Pagefind loads, charts draw): give expect.poll room on slow machines.
    expect: { poll: { timeout: 10_000 } },
    // One browser is shared; a few files at a time keeps it responsive on small CI machines.
    maxWorkers: 2,
  },
});
