/**
 * Obsidian Tasks fields on rendered task items (the Sätteri progress plugin,
 * `src/integrations/satteri-progress/task-fields.ts`): chips with words in
 * place of the emoji, and a cancelled task drawn as skipped, as the engine
 * counts it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { byTag, classes, cleanup, counted, elements, marked, renderPage, text } from './helpers/satteri-render.ts';

afterAll(cleanup);

describe('Obsidian Tasks fields', () => {
  const source = [
    '# Fields', // 1
    '', // 2
    '- [ ] Book the venue 🔼 📅 2025-03-10', // 3
    '- [ ] Cancelled talk ❌\uFE0F 2025-03-02', // 4
    '- [/] Draft *slides* ⏳\u00A02025-03-08 🔁 every week', // 5
    '- [x] Sent invites ✅ 2025-02-28', // 6
    '', // 7
  ].join('\n');

  it('show as labelled chips instead of emoji, and a cancelled task as skipped', async () => {
    const html = await renderPage(source);
    expect(marked(html)).toEqual(counted(source));
    expect(marked(html)[1]).toEqual(['L4', 'task-skipped']);
    const chips = elements(html).filter((node) => classes(node).includes('task-field'));
    expect(chips.map(text)).toEqual([
      'priority medium', 'due Mar 10, 2025', 'cancelled Mar 2, 2025', 'repeats every week', 'scheduled Mar 8, 2025', 'done Feb 28, 2025',
    ]);
    expect(html).not.toMatch(/[📅❌⏳🔁✅🔼]/u);
    // A cancelled task shows the skipped mark in place of its checkbox, as `[-]` does.
    expect(byTag(html, 'input').map((box) => box.properties['ariaLabel'])).toEqual(['To do: Book the venue', 'Done: Sent invites']);
    expect(elements(html).filter((node) => classes(node).includes('task-state-skipped')).map((node) => node.properties['ariaLabel'])).toEqual(['Skipped']);
    expect(byTag(html, 'time').map((node) => node.properties['dateTime'])).toEqual(['2025-03-10', '2025-03-02', '2025-03-08', '2025-02-28']);
  });
});
