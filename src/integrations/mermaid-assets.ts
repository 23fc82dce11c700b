/**
 * Astro integration: Mermaid's own prebuilt ES modules
 * (`mermaid/dist/mermaid.esm.min.mjs` and its chunks) served as they are at
 * `<base>_astro/mermaid/`, for the diagram script to import in the browser.
 *
 * Bundling Mermaid with the site's scripts cost about 330 MB more build
 * memory (its hundreds of modules go through the bundler); copying its
 * finished bundle costs nothing. The files are copied into a build only when
 * a page has a diagram, and the browser fetches only the chunks a diagram needs.
 */
import { cpSync, createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where the modules are served, below the base. */
export const MERMAID_PATH = '_astro/mermaid/';

/** Mermaid's `dist/` folder. */
function distDir(): string {
  return dirname(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.esm.min.mjs'));
}

/** Whether any built page has a diagram (`<figure class="diagram">`), searched in each page's bytes (no decoding: 60 MB of pages at 1000 phases). */
function hasDiagram(outDir: string): boolean {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .some((file) => file.endsWith('.html') && readFileSync(join(outDir, file)).includes('<figure class="diagram"'));
}

export default function mermaidAssets(): AstroIntegration {
  let base = '/';
  return {
    name: 'portfolio:mermaid-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:server:setup': ({ server }) => {
        // In `astro dev`, the same URLs straight from node_modules.
        const prefix = `${base}${MERMAID_PATH}`;
        server.middlewares.use((request, response, next) => {
          const url = request.url?.split('?')[0] ?? '';
          if (!url.startsWith(prefix)) return next();
          const file = normalize(join(distDir(), url.slice(prefix.length)));
          if (!file.startsWith(distDir()) || !file.endsWith('.mjs') || !existsSync(file)) return next();
          response.setHeader('Content-Type', 'text/javascript');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (!hasDiagram(outDir)) return;
        const from = distDir();
        const to = join(outDir, MERMAID_PATH);
        cpSync(join(from, 'mermaid.esm.min.mjs'), join(to, 'mermaid.esm.min.mjs'));
        cpSync(join(from, 'chunks/mermaid.esm.min'), join(to, 'chunks/mermaid.esm.min'), { recursive: true, filter: (source) => !source.endsWith('.map') });
        logger.info(`Copied Mermaid's modules to ${MERMAID_PATH} for the pages with a diagram.`);
      },
    },
  };
}
