/**
 * The five seeds, imported into a learner's portfolio (global-setup), read
 * well at 390 px and 1280 px: no page scrolls sideways, one `<h1>` a page,
 * reading pages show no percent, � only where the engine reported it,
 * charts of bounded height, the heatmap opening on the latest weeks,
 * burn-up axis labels readable on a phone, and axe clean in light and dark. Skipped without ../shared.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { entryId } from '../../src/lib/content-ids.ts';
import { analyzePaths } from '../../src/lib/io/run.ts';
import type { FileReport } from '../../src/lib/types.ts';
import { expectAccessible } from './helpers/axe.ts';
import { expectNoProblems, useSite } from './helpers/browser.ts';

const project = inject('seedsProject');
const site = useSite('seeds');

interface Target { name: string; route: string; file: FileReport | null }

/** The pages to check: the dashboard, every track, and phases of every shape (tables, many tasks, reading, check-ins). */
async function targets(): Promise<{ pages: Target[]; lost: boolean }> {
  const report = await analyzePaths([join(project, 'content/tracks')], { cacheDir: null, cwd: project, workers: 1 });
  const route = (file: FileReport): string => `${entryId(file.path.replace(/^.*content\/tracks\//, ''))}/`;
  const pages: Target[] = [{ name: 'dashboard', route: '', file: null }];
  const byTrack = new Map<string, FileReport[]>();
  for (const file of report.files) {
    const track = file.path.replace(/^.*content\/tracks\//, '').split('/')[0]!;
    byTrack.set(track, [...(byTrack.get(track) ?? []), file]);
  }
  for (const [track, files] of byTrack) {
    const index = files.find((f) => f.path.endsWith('/index.md'))!;
    pages.push({ name: `track ${track}`, route: `${track}/`, file: index });
    const phases = files.filter((f) => f !== index);
    const picks = new Set([
      phases.reduce((a, b) => (b.total > a.total ? b : a)),
      phases.find((f) => f.total === 0),
      phases.find((f) => f.rows.total > 0),
      phases.find((f) => /check-ins?/i.test(f.title)),
    ].filter((f): f is FileReport => f !== undefined));
    for (const file of picks) pages.push({ name: `${track}: ${file.title}`, route: route(file), file });
  }
  const lost = report.files.some((f) => f.warnings.some((w) => w.rule === 'mojibake-left'));
  return { pages, lost };
}

/** Scroll through the page so lazy charts draw, then come back up. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    scrollTo(0, 0);
  });
  await page.waitForTimeout(150);
}

describe.skipIf(!project)('the five seeds as a learner’s portfolio', () => {
  for (const width of [390, 1280]) {
    it(`reads well at ${width} px: no sideways scroll, one h1, no empty percent, � only where reported, bounded charts`, async () => {
      const { pages, lost } = await targets();
      expect(pages.length).toBeGreaterThanOrEqual(1 + 5 + 10);
      for (const target of pages) {
        const { page, problems } = await site.open(target.route, { width });
        await scrollThrough(page);
        const facts = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth,
          h1: document.querySelectorAll('h1').length,
          reading: document.querySelector('[data-phase-reading]') !== null,
          text: document.body.innerText,
          canvases: [...document.querySelectorAll('canvas')].map((c) => c.getBoundingClientRect().height),
          // Every task's checkbox drawn by the site's style, in tight lists and in loose ones (text in a paragraph).
          boxes: document.querySelectorAll('li.task input[type=checkbox]').length,
          unstyled: [...document.querySelectorAll('li.task input[type=checkbox]')].filter((box) => getComputedStyle(box).appearance !== 'none').length,
        }));
        expect(facts.unstyled, `${target.name}: ${facts.unstyled} of ${facts.boxes} task checkboxes without the site's style`).toBe(0);
        expect(facts.scrollWidth, `${target.name} is ${facts.scrollWidth} px wide at ${width} px`).toBeLessThanOrEqual(facts.innerWidth);
        expect(facts.h1, `${target.name}: <h1> count`).toBe(1);
        if (facts.reading) {
          expect(facts.text, target.name).not.toContain('0.0% done');
          expect(facts.text, target.name).not.toContain('Nothing left');
        }
        const reported = target.file ? target.file.warnings.some((w) => w.rule === 'mojibake-left') : lost;
        if (!reported) expect(facts.text.includes('\uFFFD'), `${target.name} shows � that the engine did not report`).toBe(false);
        for (const height of facts.canvases) expect(height, `${target.name}: a chart ${height} px tall`).toBeLessThanOrEqual(900);
        expectNoProblems(problems);
        await page.context().close();
      }
    }, 300_000);
  }

  it('opens the heatmap on the latest weeks on a phone', async () => {
    const { page } = await site.open('', { width: 390 });
    const heatmap = page.locator('[data-heatmap-scroll]').first();
    await heatmap.scrollIntoViewIfNeeded();
    const seen = await heatmap.evaluate((box) => {
      const cells = box.querySelectorAll('rect');
      const last = cells[cells.length - 1]!.getBoundingClientRect();
      const first = cells[0]!.getBoundingClientRect();
      const view = box.getBoundingClientRect();
      return { scrolls: box.scrollWidth > box.clientWidth, lastVisible: last.left >= view.left && last.right <= view.right + 1, firstVisible: first.right <= view.right && first.left >= view.left };
    });
    expect(seen.scrolls).toBe(true);
    expect(seen.lastVisible).toBe(true);
    expect(seen.firstVisible).toBe(false);
  });

  for (const width of [390, 1280]) {
    it(`draws one burn-up per chart at ${width} px, its axis labels in text boxes at least 12 px tall`, async () => {
      const { page } = await site.open('', { width });
      const charts = await page.locator('figure.burnup').evaluateAll((figures) => figures.map((figure) => {
        const shown = [...figure.querySelectorAll('svg')].filter((svg) => getComputedStyle(svg).display !== 'none');
        const labels = shown.flatMap((svg) => [...svg.querySelectorAll('text')].map((text) => text.getBoundingClientRect().height));
        return { shown: shown.length, smallest: Math.min(...labels), labels: labels.length };
      }));
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(chart.shown).toBe(1);
        expect(chart.labels).toBeGreaterThanOrEqual(4);
        // A text box is about 1.2 × its font size: 12 px and more.
        expect(chart.smallest, `axis labels ${chart.smallest.toFixed(1)} px tall`).toBeGreaterThanOrEqual(12);
      }
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe on the dashboard, a track and phases (${colorScheme})`, async () => {
      const { pages } = await targets();
      const chosen = [pages[0]!, pages[1]!, ...pages.filter((p) => p.file && p.file.rows.total > 0).slice(0, 1), ...pages.filter((p) => p.file?.total === 0).slice(0, 1)];
      for (const target of chosen) {
        for (const width of [390, 1280]) {
          const { page } = await site.open(target.route, { colorScheme, width });
          await expectAccessible(page);
          await page.context().close();
        }
      }
    }, 300_000);
  }
});
