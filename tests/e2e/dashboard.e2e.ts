/**
 * The dashboard and a phase page on the built site: the charts draw, the
 * percentages shown are the ones the stats engine computes, and a task's
 * wrapped lines line up with its text on a phone.
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

  // On a phone many tasks wrap: each line of a task's text starts at the same place, right of its checkbox.
  it('starts a wrapped task\'s lines under its text, not under its checkbox (390 px)', async () => {
    const phase = samplePhase();
    const { page, problems } = await site.open(phase.route, { width: 390 });
    const tasks = await page.locator('.markdown li.task').evaluateAll((items) => items.map((li) => {
      const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      // The first character of the task's own text (not the mark of an in-progress or skipped task).
      while ((node = walker.nextNode()) && (!node.textContent!.trim() || node.parentElement!.closest('.task-state'))) { /* skip */ }
      if (!node) return null;
      const start = node.textContent!.search(/\S/);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 1);
      const mark = li.querySelector('input, .task-state')!.getBoundingClientRect();
      const style = getComputedStyle(li);
      const textLeft = range.getBoundingClientRect().left;
      // Where the lines after the first begin: the item's content box, or its first paragraph's (a loose list).
      const lines = li.querySelector(':scope > p:first-child') ?? li;
      const wrapLeft = lines.getBoundingClientRect().left + (lines === li ? Number.parseFloat(style.paddingLeft) : 0);
      return { text: node.textContent!.trim().slice(0, 30), textLeft, wrapLeft, markRight: mark.right };
    }));
    const measured = tasks.filter((task) => task !== null);
    expect(measured.length, phase.route).toBeGreaterThan(3);
    for (const task of measured) {
      expect(Math.abs(task.textLeft - task.wrapLeft), `${task.text}: text at ${task.textLeft}, wrapped lines at ${task.wrapLeft}`).toBeLessThanOrEqual(1.5);
      expect(task.textLeft, task.text).toBeGreaterThan(task.markRight);
    }
    expectNoProblems(problems);
  });

  // A status table with a long notes column fits the text's width on a laptop: its cells wrap, nothing is hidden to the right.
  // The Sections card: a long title wraps beside its numbers, which keep a column of their own at the right.
  it('keeps each section\'s numbers right of its title, on its first line (1280 and 390 px)', async () => {
    for (const width of [1280, 390]) {
      const { page, problems } = await site.open('backend-engineering/02-databases-and-sql/', { width });
      const rows = await page.locator('.outline li').evaluateAll((items) => items.map((li) => {
        const box = (element: Element | null) => {
          const rect = element!.getBoundingClientRect();
          return { left: rect.left, right: rect.right, top: rect.top, height: rect.height };
        };
        return { text: li.textContent!.trim(), title: box(li.firstElementChild), pct: box(li.querySelector('.pct')), meta: box(li.querySelector('.meta')) };
      }));
      expect(rows.length).toBeGreaterThan(3);
      // Some title is long enough to take two lines at this width, or the check below would hold for any layout.
      expect(rows.some((row) => row.title.height > 1.5 * row.pct.height), `a wrapped title at ${width} px`).toBe(true);
      for (const row of rows) {
        expect(row.pct.left, `${row.text} at ${width} px`).toBeGreaterThanOrEqual(row.title.right - 0.5);
        expect(row.meta.left, `${row.text} at ${width} px`).toBeGreaterThanOrEqual(row.title.right - 0.5);
        expect(Math.abs(row.pct.top - row.title.top), `${row.text} at ${width} px`).toBeLessThan(row.pct.height / 2);
      }
      expectNoProblems(problems);
    }
  });

  it('fits a status table with long notes into the page at 1280 px, without scrolling it', async () => {
    const { page, problems } = await site.open('system-design/04-case-studies/');
    const boxes = await page.locator('.markdown .table-scroll').evaluateAll((wrappers) => wrappers.map((box) => ({
      scroll: box.scrollWidth, client: box.clientWidth, columns: box.querySelectorAll('thead th').length,
    })));
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const box of boxes) {
      expect(box.columns).toBe(5);
      expect(box.scroll, 'the table is no wider than its box').toBeLessThanOrEqual(box.client);
    }
    expectNoProblems(problems);
  });
});
