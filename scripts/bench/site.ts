// The site half of `npm run bench`: JavaScript shipped per page type and
// Lighthouse scores on the example site, then a full build of the generated
// curriculum. Numbers are printed beside their budgets; nothing fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../tests/e2e/helpers/static-server.ts';
import { astroBuild } from './build.ts';
import { fullBuild } from './full-build.ts';
import { CATEGORIES, LIGHTHOUSE_VERSION, lighthouse } from './lighthouse.ts';
import { CHROMIUM_ARGS, measurePageJs, type PageJs } from './page-js.ts';
import type { TreeRss } from './proc-tree.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const chromiumPath = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const GZIP_BUDGET = 60 * 1024;
const RSS_BUDGET = 1.5 * 1024 ** 3;

interface SitePage { name: string; path: string; budget: (js: PageJs) => string | null; budgetText: string }
const PAGES: SitePage[] = [
  { name: 'dashboard', path: '/', budgetText: `≤ ${GZIP_BUDGET / 1024} KB gzip`,
    budget: (js) => (js.gzip > GZIP_BUDGET ? `${kb(js.gzip)} KB gzip > ${GZIP_BUDGET / 1024} KB` : null) },
  { name: 'phase', path: '/backend-engineering/03-apis-and-authentication/', budgetText: 'no JS files',
    budget: (js) => (js.files.length > 0 ? `${js.files.length} JS file(s), ${kb(js.gzip)} KB gzip` : null) },
  // A note with math and callouts but no diagram: math needs no script.
  { name: 'note', path: '/notes/url-shortener-first-attempt/', budgetText: 'no JS files',
    budget: (js) => (js.files.length > 0 ? `${js.files.length} JS file(s), ${kb(js.gzip)} KB gzip` : null) },
  // A note with a Mermaid diagram loads the diagram script and Mermaid, and only such a note does.
  { name: 'note with a diagram', path: '/notes/the-pool-that-never-drained/', budgetText: '(reported)', budget: () => null },
  { name: 'search', path: '/search/', budgetText: '(none)', budget: () => null },
];
const LIGHTHOUSE_PAGES = PAGES.filter((page) => !page.name.startsWith('note'));

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const mb = (bytes: number): string => (bytes / 1024 ** 2).toFixed(0);
const rssParts = (rss: TreeRss): string => Object.entries(rss.byName).sort((a, b) => b[1] - a[1])
  .map(([name, bytes]) => `${name === 'MainThread' ? 'node' : name} ${mb(bytes)}`).join(', ');

async function javascript(server: StaticServer, outDir: string, over: string[]): Promise<void> {
  console.log(`\nJavaScript shipped per page (every JS/wasm response after scrolling to the bottom and network idle;`);
  console.log(`sizes of the files on disk, gzip -9; inline = <script> without src, not type="application/json"):`);
  console.log(`${'page'.padEnd(10)} ${'files'.padStart(5)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}  ${'inline'.padEnd(18)} budget`);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  try {
    for (const page of PAGES) {
      const js = await measurePageJs(browser, server.url, page.path, outDir);
      const problem = page.budget(js);
      if (problem) over.push(`${page.name} page JavaScript: ${problem}`);
      const inline = `${js.inlineBytes} B in ${js.inlineCount}`;
      console.log(`${page.name.padEnd(10)} ${String(js.files.length).padStart(5)} ${kb(js.raw).padStart(8)} ${kb(js.gzip).padStart(8)}  ` +
        `${inline.padEnd(18)} ${page.budgetText}${page.budgetText === '(none)' ? '' : problem ? ': OVER' : ': ok'}   ${page.path}`);
      for (const file of js.files) console.log(`${''.padEnd(10)} ${''.padStart(5)} ${kb(file.raw).padStart(8)} ${kb(file.gzip).padStart(8)}  ${file.path}`);
    }
  } finally {
    await browser.close();
  }
}

async function scores(server: StaticServer, over: string[]): Promise<void> {
  console.log(`\nLighthouse ${LIGHTHOUSE_VERSION} (mobile, simulated throttling; target 100 each; the static server does not compress):`);
  console.log(`${'page'.padEnd(10)} ${CATEGORIES.map((c) => c.padStart(14)).join(' ')}`);
  for (const page of LIGHTHOUSE_PAGES) {
    try {
      const result = await lighthouse(new URL(page.path.replace(/^\//, ''), server.url).href);
      console.log(`${page.name.padEnd(10)} ${CATEGORIES.map((c) => String(result.scores[c] ?? 'n/a').padStart(14)).join(' ')}`);
      for (const category of CATEGORIES) {
        if (result.scores[category] === 100) continue;
        over.push(`Lighthouse ${category} on ${page.name}: ${result.scores[category] ?? 'n/a'}`);
        console.log(`  ${category} ${result.scores[category] ?? 'n/a'}: audits below 100 (weight 0 = diagnostic, not scored):`);
        for (const a of result.failing[category] ?? []) {
          console.log(`    ${a.id} — ${a.title}: score ${Math.round(a.score * 100)}, weight ${a.weight}${a.displayValue ? `, ${a.displayValue}` : ''}`);
        }
      }
    } catch (error) {
      console.log(`${page.name.padEnd(10)} lighthouse could not run: ${(error as Error).message}`);
    }
  }
}

/** Run the site benchmarks; `files` and `seed` shape the generated curriculum of the full build. */
export async function siteBench(files: number, seed: number): Promise<void> {
  const over: string[] = [];
  const outDir = mkdtempSync(join(tmpdir(), 'portfolio-bench-example-'));
  try {
    const example = await astroBuild(projectRoot, outDir);
    console.log(`Example site built (BASE_PATH=/, NODE_ENV=production): ${example.pages} pages in ${(example.ms / 1000).toFixed(1)} s, ` +
      `peak RSS ${mb(example.peakRss.bytes)} MB (process tree: ${rssParts(example.peakRss)})`);
    const server = await startStaticServer(outDir, '/');
    try {
      await javascript(server, outDir, over).catch((error: Error) => console.log(`JavaScript per page could not be measured: ${error.message}`));
      await scores(server, over);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  console.log(`\nFull build of ${files} generated phase files (seed ${seed}; ${Math.ceil(files / 50)} tracks, no notes), NODE_ENV=production:`);
  try {
    const big = await fullBuild(files, seed);
    const rssOk = big.peakRss.bytes < RSS_BUDGET;
    if (!rssOk) over.push(`full build peak RSS: ${mb(big.peakRss.bytes)} MB ≥ 1.5 GB (${rssParts(big.peakRss)} MB)`);
    console.log(`${big.pages ?? '?'} pages from ${big.mb.toFixed(2)} MB of markdown in ${(big.ms / 1000).toFixed(1)} s wall`);
    console.log(`peak RSS of the build process tree: ${mb(big.peakRss.bytes)} MB (target < 1.5 GB = ${mb(RSS_BUDGET)} MB: ${rssOk ? 'ok' : 'OVER'}); ` +
      `at the peak: ${rssParts(big.peakRss)} MB (sampled every 100 ms from /proc)`);
    console.log(`Pagefind: ${big.pagefindLine ?? 'no "Indexed" line in the build log'}`);
  } catch (error) {
    over.push('full build: failed');
    console.log(`The full build failed: ${(error as Error).message}`);
  }
  console.log(`\nOver budget: ${over.length === 0 ? 'nothing' : `\n  ${over.join('\n  ')}`}`);
}
