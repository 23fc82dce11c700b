/**
 * Opening pages of the served site in the shared Chromium, with every
 * console error, uncaught exception and failed request recorded.
 *
 * ```ts
 * const site = useSite();
 * it('…', async () => {
 *   const { page, problems } = await site.open('search/');
 *   …
 *   expectNoProblems(problems);
 * });
 * ```
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFinished } from 'vitest';

/** What went wrong while a page was open. */
export interface PageProblems {
  /** `console.error` messages and uncaught exceptions, with where they came from. */
  consoleErrors: string[];
  /** Requests that failed at the network level or were answered with status 400 or above. */
  failedRequests: string[];
}

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
}

/** Which built site: the tests' example curriculum, or the learner's portfolio of the five seeds. */
export type SiteName = 'example' | 'seeds' | 'hostile';

/** The site address for a path relative to the base, e.g. `siteUrl('search/?q=x')`. */
export function siteUrl(path = '', site: SiteName = 'example'): string {
  const base = inject(site === 'seeds' ? 'seedsUrl' : site === 'hostile' ? 'hostileUrl' : 'siteUrl');
  return new URL(path.replace(/^\/+/, ''), base).href;
}

/** The URL path of the site root, e.g. `/portfolio/`. */
export function sitePath(path = ''): string {
  return new URL(siteUrl(path)).pathname;
}

/** Start recording problems on a page (before it navigates anywhere). */
export function trackProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    problems.consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught ${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Requests cut off because the page navigated away (e.g. a result was clicked) are not failures.
    if (reason === 'net::ERR_ABORTED') return;
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });
  return problems;
}

/** Assert that nothing was logged as an error and no request failed. */
export function expectNoProblems(problems: PageProblems): void {
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.failedRequests, 'failed requests').toEqual([]);
}

/**
 * Connect this test file to the shared browser. Call once at the top of a
 * test file; `open(path)` then gives a fresh, isolated page per call, closed
 * when the test finishes.
 */
export interface OpenOptions {
  /** The visitor's system colour scheme (default `light`). */
  colorScheme?: 'light' | 'dark';
  /** The viewport's width in CSS pixels (default 1280). */
  width?: number;
}

export function useSite(site: SiteName = 'example'): { open(path: string, options?: OpenOptions): Promise<OpenedPage> } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject('browserWsEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open(path: string, { colorScheme = 'light', width = 1280 }: OpenOptions = {}): Promise<OpenedPage> {
      if (!browser) throw new Error('useSite() must be called at the top level of the test file');
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      onTestFinished(() => context.close());
      const page = await context.newPage();
      const problems = trackProblems(page);
      await page.goto(siteUrl(path, site), { waitUntil: 'load' });
      return { page, problems };
    },
  };
}
