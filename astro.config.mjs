// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import satteriProgress from './src/integrations/satteri-progress.ts';

// The site URL and base path come from the environment so the same build
// works on GitHub Pages project sites (`/<repo>/`) and at a domain root.
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  // satteriProgress: task and status-table markup in rendered markdown (ids, classes, badges).
  // pagefind: builds the Pagefind search index into <outDir>/pagefind/ after each build.
  integrations: [satteriProgress(), pagefind()],
});
