// Part of `npm run bench`: the JavaScript a page of the built site ships, as
// Chromium loads it (lazy chunks, workers and Pagefind's wasm included).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface JsFile { path: string; raw: number; gzip: number }
export interface PageJs {
  files: JsFile[];
  raw: number;
  gzip: number;
  /** UTF-8 bytes of inline `<script>` elements other than `type="application/json"` data. */
  inlineBytes: number;
  inlineCount: number;
}

/** Flags for a quiet, self-contained headless Chromium (as the browser tests use; no sandbox: CI runs as root). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** JavaScript or WebAssembly, by content type or name (Pagefind names its wasm `wasm.<lang>.pagefind`). */
function isCode(url: URL, contentType: string): boolean {
  return /javascript|ecmascript|application\/wasm/.test(contentType) ||
    /\.(m?js|wasm)$/.test(url.pathname) || /\/wasm\.[^/]*\.pagefind$/.test(url.pathname);
}

/** Scroll down a screen at a time, so every lazily drawn chart comes into view. */
async function scrollToBottom(page: import('playwright-core').Page): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const atBottom = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    await page.waitForTimeout(100);
    if (atBottom) break;
  }
}

/**
 * Open `siteUrl + path`, scroll to the bottom, wait for the network to be
 * idle, and measure every script and wasm response against its file in
 * `outDir` (raw size, and gzip -9 of it).
 */
export async function measurePageJs(browser: Browser, siteUrl: string, path: string, outDir: string): Promise<PageJs> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const seen = new Map<string, JsFile>();
    context.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== new URL(siteUrl).origin || seen.has(url.pathname)) return;
      if (!isCode(url, response.headers()['content-type'] ?? '')) return;
      const file = join(outDir, decodeURIComponent(url.pathname));
      if (!existsSync(file)) return;
      const bytes = readFileSync(file);
      seen.set(url.pathname, { path: url.pathname, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    });
    const page = await context.newPage();
    await page.goto(new URL(path.replace(/^\//, ''), siteUrl).href, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    await scrollToBottom(page);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(600);
    await page.waitForLoadState('networkidle');
    const inline = await page.$$eval('script:not([src])', (scripts) =>
      scripts.filter((s) => s.getAttribute('type')?.trim().toLowerCase() !== 'application/json').map((s) => s.textContent ?? ''));
    const files = [...seen.values()].sort((a, b) => b.gzip - a.gzip);
    return {
      files,
      raw: files.reduce((sum, f) => sum + f.raw, 0),
      gzip: files.reduce((sum, f) => sum + f.gzip, 0),
      inlineBytes: inline.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
      inlineCount: inline.length,
    };
  } finally {
    await context.close();
  }
}
