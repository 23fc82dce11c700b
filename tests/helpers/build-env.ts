/**
 * The environment for an `astro build` started from a test: the test
 * runner's own variables removed (vitest exports `BASE_URL`, `MODE`, `DEV`,
 * `PROD`, `SSR`, `NODE_ENV=test` and `VITEST*`, which would leak into the
 * child build and give a development build at the wrong base), then
 * `NODE_ENV=production` and the given overrides.
 */
export function buildEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const leaked = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !leaked.has(name) && !name.startsWith('VITEST')));
  return { ...clean, NODE_ENV: 'production', ...overrides };
}
