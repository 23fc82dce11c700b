/**
 * axe-core on the built pages: no `serious` or `critical` violations.
 * The search page is checked as it loads and again with results shown.
 */
import { describe, it } from 'vitest';
import { expectAccessible } from './helpers/axe.ts';
import { expectNoProblems, useSite } from './helpers/browser.ts';
import { findUniqueNoteWord, samplePhase } from './helpers/content.ts';
import { searchFor, waitForSearchReady } from './helpers/search.ts';

const site = useSite();

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it.each(['light', 'dark'] as const)('search page, loaded and with results (%s scheme)', async (colorScheme) => {
    const { page, problems } = await site.open('search/', { colorScheme });
    await waitForSearchReady(page);
    await page.locator('pagefind-filter-pane .pf-filter-group').first().waitFor({ state: 'visible' });
    await expectAccessible(page);

    const target = findUniqueNoteWord();
    if (target) {
      await searchFor(page, target.word);
      await expectAccessible(page);
    }
    expectNoProblems(problems);
  });

  it('dashboard', async () => {
    const { page, problems } = await site.open('');
    await expectAccessible(page);
    expectNoProblems(problems);
  });

  // A partly done phase, at /<track>/<phase>/.
  it('a phase page', async () => {
    const { page, problems } = await site.open(samplePhase().route);
    await expectAccessible(page);
    expectNoProblems(problems);
  });

  // The note that holds the search test's word.
  it('a note', async () => {
    const target = findUniqueNoteWord();
    if (!target) throw new Error('no note under content/notes');
    const id = target.file.replace(/^content\/notes\//, '').replace(/\.mdx?$/, '');
    const { page, problems } = await site.open(`notes/${id}/`);
    await expectAccessible(page);
    expectNoProblems(problems);
  });
});
