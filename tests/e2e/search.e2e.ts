/**
 * The search page on the built site under `/portfolio/`: Pagefind loads from
 * the base path, a word found in one note finds that note, the result opens
 * it, `?q=` prefills, the filters show, and the header shortcut gets there.
 */
import { describe, expect, it } from 'vitest';
import { expectNoProblems, sitePath, useSite } from './helpers/browser.ts';
import { findUniqueNoteWord } from './helpers/content.ts';
import { resultLinks, searchFor, searchInput, waitForSearchReady } from './helpers/search.ts';

const site = useSite();
const target = findUniqueNoteWord();

describe('search page', () => {
  it('has a word to look for: one found in exactly one note', () => {
    expect(target, 'no note under content/notes has a word that no other content file has').not.toBeNull();
  });

  it(`finds the one note with a word only it contains (“${target?.word}” in ${target?.file}), and its result opens that note`, async () => {
    const { word, file } = target!;
    const { page, problems } = await site.open('search/');
    await waitForSearchReady(page);
    await expect.poll(() => searchInput(page).evaluate((el) => el === document.activeElement)).toBe(true);

    const links = await searchFor(page, word, 1);
    const href = await links.first().getAttribute('href');
    expect(href, `the result for “${word}” (from ${file})`).toMatch(new RegExp(`^${sitePath('notes/')}.+`));
    await expect.poll(() => page.url(), { message: 'the URL follows the search' }).toContain(`?q=${word}`);

    await Promise.all([page.waitForURL((url) => url.pathname === href), links.first().click()]);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${sitePath('notes/')}.+/$`));
    const text = (await page.locator('main').innerText()).toLowerCase();
    expect(text, `the opened note contains “${word}”`).toContain(word);
    expectNoProblems(problems);
  });

  // Two tracks can both have a "Week 3": each result says where it belongs.
  it('names the track of each phase found, and marks a note as a note', async () => {
    const { page, problems } = await site.open('search/?q=week');
    await waitForSearchReady(page);
    await resultLinks(page).first().waitFor({ state: 'visible' });
    await page.waitForTimeout(500);
    const results = await page.locator('[data-search] pagefind-results .pf-result').evaluateAll((items) => items.map((item) => ({
      href: item.querySelector('a.pf-result-link')?.getAttribute('href') ?? '',
      context: item.querySelector('.result-context')?.textContent?.trim() ?? null,
    })).filter((result) => result.href !== ''));
    const phases = results.filter((result) => /\/(backend-engineering|system-design)\/[^/]+\/$/.test(result.href));
    expect(phases.length).toBeGreaterThan(1);
    for (const phase of phases) {
      expect(phase.context, phase.href).toBe(phase.href.includes('/system-design/') ? 'System Design' : 'Backend Engineering');
    }
    const notes = results.filter((result) => result.href.startsWith(sitePath('notes/')));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.context, note.href).toMatch(/^Note(?: · (?:Backend Engineering|System Design))?$/);
    expectNoProblems(problems);
  });

  it('runs the search in ?q= on load and shows it in the field', async () => {
    const { word } = target!;
    const { page, problems } = await site.open(`search/?q=${encodeURIComponent(word)}`);
    await waitForSearchReady(page);
    await resultLinks(page).first().waitFor({ state: 'visible' });
    expect(await searchInput(page).inputValue()).toBe(word);
    expectNoProblems(problems);
  });

  it('shows the track, phase, kind and tag filters, and filtering by kind narrows the results', async () => {
    const { word } = target!;
    const { page, problems } = await site.open('search/');
    await waitForSearchReady(page);
    const groups = page.locator('pagefind-filter-pane .pf-filter-group-name');
    await expect
      .poll(async () => (await groups.allInnerTexts()).map((name) => name.trim().toLowerCase()).sort(), {
        message: 'filter groups shown on the search page',
      })
      .toEqual(expect.arrayContaining(['kind', 'phase', 'tag', 'track']));
    // Tracks and kinds are open; the phases (dozens in a real curriculum) wait to be opened.
    await expect.poll(() => page.locator('pagefind-filter-pane input[name="track"]').first().isVisible()).toBe(true);
    expect(await page.locator('pagefind-filter-pane input[name="phase"]').first().isVisible()).toBe(false);

    // The word is only in a note: with only phases kept it finds nothing, without the filter its note.
    const phasesOnly = page.locator('pagefind-filter-pane input[name="kind"][value="phase"]');
    await phasesOnly.check();
    await searchInput(page).pressSequentially(word, { delay: 20 });
    await expect.poll(() => page.locator('[data-search] pagefind-summary').innerText()).toMatch(/no results/i);
    expect(await resultLinks(page).count()).toBe(0);
    await phasesOnly.uncheck();
    await expect.poll(() => resultLinks(page).count()).toBe(1);
    expectNoProblems(problems);
  });
});

describe('search shortcut in the header', () => {
  for (const [name, key] of [['/', '/'], ['Ctrl+K', 'Control+k']] as const) {
    it(`${name} on another page opens search with the field focused`, async () => {
      const { page, problems } = await site.open('');
      expect(await page.locator('a[data-search-link]').count()).toBe(1);
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      await Promise.all([page.waitForURL((url) => url.pathname === sitePath('search/')), page.keyboard.press(key)]);
      await waitForSearchReady(page);
      await expect.poll(() => searchInput(page).evaluate((el) => el === document.activeElement)).toBe(true);
      // Typed into the field, the same key is just text.
      await page.keyboard.type('a/b');
      expect(await searchInput(page).inputValue()).toBe('a/b');
      expect(new URL(page.url()).pathname).toBe(sitePath('search/'));
      expectNoProblems(problems);
    });
  }
});
