/**
 * Notes with code, a diagram, math, callouts and wikilinks, in the browser:
 * axe finds nothing serious in light and dark; the diagram is drawn from
 * its source by Mermaid, loaded only on a page that has a diagram; math
 * needs no script at all.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './helpers/axe.ts';
import { expectNoProblems, sitePath, useSite } from './helpers/browser.ts';

const site = useSite();

/** The example note with code, a sequence diagram, a formula, a callout and wikilinks. */
const RICH_NOTE = 'notes/the-pool-that-never-drained/';
/** An example note with math and callouts but no diagram. */
const MATH_NOTE = 'notes/url-shortener-first-attempt/';

/** The JavaScript files this document has loaded so far, as paths. */
function loadedScripts(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => /\.m?js$/.test(path)));
}

/** Scroll through the whole page so lazy parts load, then wait for the network to settle. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  await page.waitForLoadState('networkidle');
}

describe('a note with a diagram, math, code and callouts', () => {
  it.each(['light', 'dark'] as const)('draws the diagram and is accessible (%s scheme)', async (colorScheme) => {
    const { page, problems } = await site.open(RICH_NOTE, { colorScheme });
    const drawing = page.locator('figure.diagram .diagram-drawing svg');
    await page.locator('figure.diagram').scrollIntoViewIfNeeded();
    await drawing.waitFor({ state: 'visible' });
    expect(await page.locator('figure.diagram').getAttribute('class')).toBe('diagram');
    // The source stays on the page, folded under the drawing.
    expect(await page.locator('figure.diagram details summary').innerText()).toBe('Diagram source');
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.callout[data-callout="warning"]').count()).toBe(1);
    await expectAccessible(page);
    expectNoProblems(problems);
  });

  it('redraws the diagram when the theme is switched', async () => {
    const { page, problems } = await site.open(RICH_NOTE, { colorScheme: 'light' });
    await page.locator('figure.diagram').scrollIntoViewIfNeeded();
    const svg = page.locator('figure.diagram .diagram-drawing svg');
    await svg.waitFor({ state: 'visible' });
    const before = await svg.evaluate((el) => el.outerHTML);
    await page.locator('button[data-theme-toggle]').click();
    await expect.poll(() => svg.evaluate((el) => el.outerHTML).catch(() => before)).not.toBe(before);
    await expectAccessible(page);
    expectNoProblems(problems);
  });

  it('loads Mermaid only where there is a diagram, and no script for math', async () => {
    const rich = await site.open(RICH_NOTE);
    await scrollThrough(rich.page);
    await rich.page.locator('figure.diagram .diagram-drawing svg').waitFor({ state: 'visible' });
    const richScripts = await loadedScripts(rich.page);
    expect(richScripts.some((path) => path.includes('draw-diagram'))).toBe(true);
    expect(richScripts).toContain(sitePath('_astro/mermaid/mermaid.esm.min.mjs'));

    const plain = await site.open(MATH_NOTE);
    await scrollThrough(plain.page);
    expect(await plain.page.locator('.katex-display').count()).toBeGreaterThan(0);
    // KaTeX's stylesheet is there, and the formula is laid out by it (its fonts load).
    const sheets = await plain.page.evaluate(() => [...document.styleSheets].map((sheet) => sheet.href).filter(Boolean));
    expect(sheets.some((href) => href!.includes(`${sitePath()}_astro/katex.min.`))).toBe(true);
    // Only search's shortcut (a file since the pages' Content-Security-Policy allows no inline module scripts).
    expect((await loadedScripts(plain.page)).filter((path) => !/\/_astro\/SearchLink\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/.test(path))).toEqual([]);
    expectNoProblems(rich.problems);
    expectNoProblems(plain.problems);
  });

  it.each(['light', 'dark'] as const)('a note with math and callouts is accessible (%s scheme)', async (colorScheme) => {
    const { page, problems } = await site.open(MATH_NOTE, { colorScheme });
    await expectAccessible(page);
    expectNoProblems(problems);
  });
});
