// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import baseLinks from './src/integrations/base-links.ts';
import contentCheck from './src/integrations/content-check.ts';
import mdxErrors from './src/integrations/mdx-errors.ts';
import mermaidAssets from './src/integrations/mermaid-assets.ts';
import obsidian from './src/integrations/obsidian.ts';
import pagefind from './src/integrations/pagefind.ts';
import safeHtml from './src/integrations/safe-html.ts';
import satteriProgress from './src/integrations/satteri-progress.ts';
import { siteLocation } from './src/site-location.ts';
import { formatMessage } from './src/cli/format-check.ts';
import { readConfig } from './src/config/read-config.ts';

// The learner's portfolio.config.yaml is checked before anything else, so a
// mistake there is one `path:line:col` line, not a stack trace.
const settings = readConfig(process.cwd());
if (!settings.config) {
  for (const message of settings.messages) console.error(formatMessage(message));
  console.error('The build stopped: fix portfolio.config.yaml (see README, "Your settings").');
  process.exit(1);
}

// `site` and `base` come from SITE_URL / BASE_PATH, or on GitHub Actions from
// GITHUB_REPOSITORY, so the same build works at `/<repo>/` and at a root.
const { site, base } = siteLocation(process.env);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    // The site's CSS is a few KB: inlined, it costs no render-blocking request.
    inlineStylesheets: 'always',
    // Two pages in flight: one renders while the other is written to disk. At 1000 phase
    // files this took page generation from 6.1–7.3 s to 5.7–6.0 s (more gave no more).
    concurrency: 2,
  },
  // Scripts (and assets) as files, never inlined: the pages' Content-Security-Policy allows the
  // site's script files and only its two inline scripts (src/utils/csp.ts).
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    // Code follows the site's light and dark themes (src/styles/markdown.css picks the colours).
    // Mermaid and math blocks are drawn by src/integrations/obsidian.ts, not highlighted.
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid', 'math'] },
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: false },
  },
  integrations: [
    // Stops a build on content the site cannot publish, with path:line:col messages.
    contentCheck(),
    // Task and status-table markup in rendered markdown (ids, classes, badges).
    satteriProgress(),
    // Wikilinks, embeds, inline tags, callouts, math and diagrams (after the progress markup).
    obsidian(),
    baseLinks(),
    // Raw HTML in markdown reduced to GitHub's allowlist; only safe link and image addresses (after the plugins above).
    safeHtml(),
    // .mdx notes and phases, rendered by the same processor and plugins; a syntax error is one `path:line:col` line.
    mdxErrors(),
    mdx(),
    // Mermaid's prebuilt modules, for pages with a diagram.
    mermaidAssets(),
    sitemap(),
    // Only the site's own scripts run: a Content-Security-Policy <meta> with the inline scripts' hashes, on every page.
    // Builds the Pagefind search index into <outDir>/pagefind/ after each build.
    pagefind(),
  ],
});
