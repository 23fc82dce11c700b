/** Driving the search page (`/search/`, Pagefind Component UI) in tests. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The search field rendered by `<pagefind-input>`. */
export function searchInput(page: Page): Locator {
  return page.locator('[data-search] pagefind-input input');
}

/** The result title links rendered by `<pagefind-results>`. */
export function resultLinks(page: Page): Locator {
  return page.locator('[data-search] pagefind-results a.pf-result-link');
}

/** Wait until the page has loaded the Pagefind bundle (or failed to, which fails the test). */
export async function waitForSearchReady(page: Page): Promise<void> {
  if ((await page.locator('[data-search-dev-notice]').count()) > 0) {
    throw new Error('The search page shows its `astro dev` notice: the site under test was built in development mode.');
  }
  const status = page.locator('[data-search-status]');
  await expect
    .poll(async () => ((await status.count()) === 0 ? 'ready' : await status.getAttribute('class')), {
      message: 'the search page never finished loading the Pagefind bundle',
      timeout: 15_000,
    })
    .toMatch(/ready|error/);
  if ((await status.count()) > 0) throw new Error(`The search page could not load: ${await status.textContent()}`);
  await searchInput(page).waitFor({ state: 'visible' });
}

/** Type a search the way a visitor would and wait until the results settle on `count` (if given) or any. */
export async function searchFor(page: Page, term: string, count?: number): Promise<Locator> {
  const input = searchInput(page);
  await input.click();
  await input.fill('');
  await input.pressSequentially(term, { delay: 20 });
  const links = resultLinks(page);
  if (count === undefined) await links.first().waitFor({ state: 'visible' });
  else await expect.poll(() => links.count(), { message: `results for “${term}”`, timeout: 10_000 }).toBe(count);
  return links;
}
