/**
 * Astro integration: after `astro build`, index the built HTML with Pagefind
 * and write the search bundle to `<outDir>/pagefind/`, where the search page
 * loads it from (`${import.meta.env.BASE_URL}pagefind/`).
 *
 * It uses Pagefind's Node API rather than the CLI, so it needs no `npx` step
 * in the build script and reports through Astro's own logger:
 * https://pagefind.app/docs/node-api/
 *
 * What gets indexed is decided by the pages: once any page carries
 * `data-pagefind-body`, only such pages are indexed; `data-pagefind-ignore`
 * leaves navigation and widgets out; `data-pagefind-filter` spans give the
 * track / phase / kind filters. There is no index in `astro dev`.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface PagefindIntegrationOptions {
  /**
   * Which files under the output directory to index (a Pagefind glob,
   * relative to the output directory). Default: every HTML file.
   */
  glob?: string;
}

/**
 * How many pages the written index can find, from the bundle's
 * `pagefind-entry.json`. `addDirectory`'s `page_count` counts every HTML file
 * it read, including pages skipped for having no `data-pagefind-body`.
 */
async function searchablePageCount(bundleDir: string): Promise<number | null> {
  try {
    const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
      languages?: Record<string, { page_count?: number }>;
    };
    return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
  } catch {
    return null;
  }
}

/** Throws with every message Pagefind reported, so the build stops with them. */
function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
  }
}

export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  return {
    name: 'portfolio:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const bundleDir = fileURLToPath(new URL('pagefind/', dir));
        const fromCwd = relative(process.cwd(), bundleDir);
        const shown = fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : bundleDir;
        const started = performance.now();
        logger.info('Building the search index...');

        // Imported here so `astro dev` and `astro check` never start the Pagefind binary.
        const pagefind = await import('pagefind');
        try {
          const created = await pagefind.createIndex();
          assertNoErrors('createIndex', created.errors);
          if (!created.index) throw new Error('Pagefind createIndex returned no index');
          const { index } = created;

          const added = await index.addDirectory({ path: outDir, ...(options.glob ? { glob: options.glob } : {}) });
          assertNoErrors(`indexing ${outDir}`, added.errors);

          const written = await index.writeFiles({ outputPath: bundleDir });
          assertNoErrors(`writing ${shown}`, written.errors);

          const ms = Math.round(performance.now() - started);
          const pages = (await searchablePageCount(bundleDir)) ?? added.page_count;
          const files = added.page_count;
          if (pages === 0) {
            logger.warn(`No page was indexed (${files} HTML files read); search will find nothing.`);
          }
          logger.info(
            `Indexed ${pages} page${pages === 1 ? '' : 's'} (of ${files} HTML file${files === 1 ? '' : 's'}) into ${shown.replace(/\/?$/, '/')} in ${ms} ms.`,
          );
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          // Astro prints the message and exits non-zero: a site without its search index must not deploy.
          throw new Error(`Search indexing failed, so the build is stopped.\n${reason}`, { cause: error });
        } finally {
          // Stop the background Pagefind process so the build can exit.
          await pagefind.close();
        }
      },
    },
  };
}
