/**
 * The dashboard and a phase page on the built site: the charts draw, and the
 * percentages shown are the ones the stats engine computes.
 */
import { describe, expect, it } from 'vitest';
import { expectNoProblems, useSite } from './helpers/browser.ts';
import { samplePhase } from './helpers/content.ts';

const site = useSite();

describe('dashboard', () => {
  it('draws every chart (each canvas has non-blank pixels)', async () => {
    const { page, problems } = await site.open('');
    const canvases = page.locator('figure[data-chart] canvas');
    await canvases.first().waitFor({ state: 'visible' });
    const count = await canvases.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const canvas = canvases.nth(i);
      await canvas.scrollIntoViewIfNeeded();
      await expect
        .poll(
          () =>
            canvas.evaluate((el: HTMLCanvasElement) => {
              const context = el.getContext('2d');
              if (!context || el.width === 0 || el.height === 0) return false;
              const { data } = context.getImageData(0, 0, el.width, el.height);
              for (let p = 3; p < data.length; p += 4) if (data[p]! > 0) return true;
              return false;
            }),
          { message: `chart ${i + 1} of ${count} has drawn pixels` },
        )
        .toBe(true);
    }
    expectNoProblems(problems);
  });
});

describe('phase page', () => {
  // The page of a partly done phase shows the percent `node scripts/stats.ts --json content` gives it.
  it('shows the percent the stats CLI computes for its file', async () => {
    const phase = samplePhase();
    const { page, problems } = await site.open(phase.route);
    const shown = (await page.locator('[data-phase-percent]').first().innerText()).trim();
    // Compared as numbers: the page may print 100 as "100.0%".
    expect(shown, `${phase.path} at ${phase.route}`).toMatch(/^\d+(\.\d+)?%$/);
    expect(Number.parseFloat(shown), `${phase.path} at ${phase.route} shows ${shown}`).toBe(phase.percent);
    expectNoProblems(problems);
  });
});
