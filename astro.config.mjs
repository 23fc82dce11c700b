// @ts-check
import { defineConfig } from 'astro/config';

// The site URL and base path come from the environment so the same build
// works on GitHub Pages project sites (`/<repo>/`) and at a domain root.
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
});
