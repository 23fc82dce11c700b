/**
 * Pages built from content that tries to run scripts (`onerror=`,
 * `<script>`, `javascript:` links in any case or encoding, `data:` links,
 * `<svg onload>`, `ontoggle`) and to reach other sites (`<iframe>`, `<meta
 * refresh>`, `<base>`, `<link>`, `<form>`, `<object>`, `<embed>`, a remote
 * script): no dialog opens, no request leaves the site, no violation of the
 * page's Content-Security-Policy is needed to stop anything that the HTML
 * filter already removed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useSite } from './helpers/browser.ts';

const site = useSite('hostile');
const PAGES = ['', 'odd/', 'odd/01-payloads/', 'notes/payloads/', 'notes/', 'tags/odd/'];

/** Every dialog and every request to another origin while `act` runs on the page. */
async function watch(page: Page, act: () => Promise<void>): Promise<{ dialogs: string[]; outside: string[] }> {
  const dialogs: string[] = [];
  const outside: string[] = [];
  const origin = new URL(page.url()).origin;
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  page.on('request', (request) => { if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) outside.push(request.url()); });
  await act();
  return { dialogs, outside };
}

describe.skipIf(!inject('hostileUrl'))('hostile content', () => {
  for (const path of PAGES) {
    it(`runs nothing and calls no other site: /${path}`, async () => {
      const { page } = await site.open(path);
      const seen = await watch(page, async () => {
        await page.reload({ waitUntil: 'load' });
        // Click every link that had an unsafe address, and open every details element.
        for (const link of await page.locator('a:not([href]), a[href^="javascript" i]').all()) await link.click({ force: true, noWaitAfter: true }).catch(() => {});
        for (const details of await page.locator('details').all()) await details.evaluate((d) => { (d as HTMLDetailsElement).open = !(d as HTMLDetailsElement).open; });
        await page.waitForTimeout(300);
      });
      expect(seen.dialogs).toEqual([]);
      expect(seen.outside).toEqual([]);
      const found = await page.evaluate(() => ({
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
        // What content could add sits in <main>; the page's own <head> links (canonical, feed) are not content.
        links: [...document.querySelectorAll('main :is(a[href], area[href], iframe, object, embed, base, form, meta, link, script[src])')]
          .filter((el) => (el instanceof HTMLAnchorElement ? /^\s*(?:javascript|vbscript|data):/i.test(el.getAttribute('href') ?? '')
            : el instanceof HTMLScriptElement ? new URL(el.src).origin !== location.origin : true))
          .map((el) => el.outerHTML.slice(0, 80)),
        policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      }));
      expect(found.handlers).toEqual([]);
      expect(found.links).toEqual([]);
      expect(found.policy).toMatch(/script-src 'self'/);
    });
  }

  it('draws a loose list\'s checkboxes (each in its item\'s paragraph) in the site\'s style, like a tight list\'s', async () => {
    const { page } = await site.open('odd/02-loose/');
    const boxes = page.locator('li.task input[type=checkbox]');
    await expect.poll(() => boxes.count()).toBe(3);
    expect(await boxes.evaluateAll((all) => all.map((box) => [box.parentElement?.tagName, getComputedStyle(box).appearance]))).toEqual([['P', 'none'], ['P', 'none'], ['P', 'none']]);
  });

  it('still shows the tasks and text around the payloads', async () => {
    const { page } = await site.open('odd/01-payloads/');
    await expect.poll(() => page.locator('li.task').count()).toBe(4);
    expect(await page.locator('.markdown details summary').first().textContent()).toBe('Toggle');
    expect(await page.getByText('Inside the details.').count()).toBe(1);
  });
});
