/**
 * Tasks the renderer (Sätteri) leaves inside a paragraph where the engine,
 * reading with the reference parser, counts a nested task list
 * (`src/integrations/satteri-progress/paragraphs.ts`): the page shows them
 * as list items, marked as the engine counts them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/analyze.ts';
import { byTag, cleanup, counted, marked, renderEntry, renderPage, shownTasks, text } from './helpers/satteri-render.ts';

afterAll(cleanup);

describe('tasks the renderer leaves in a paragraph', () => {
  // A definition followed at once by a line makes Sätteri read `4. [ ] task` inside the next list's first item as text.
  const file = [
    '---', 'title: Week', '---', // 1-3
    '[book]: https://example.com/book', // 4
    '## Week 2', // 5
    '', // 6
    '- [x] Read the [book] preface', // 7
    '', // 8
    '  4. [ ] Chapter **four** exercises', // 9
    '     and the quiz 📅 2025-03-10', // 10
    '  5. [/] Chapter five', // 11
    '  6. [x] Chapter six', // 12
    '', // 13
  ].join('\n');

  it('become list items with their ids, statuses, text and fields, numbered as written', async () => {
    expect(analyzeFile('week.md', file).items.map((item) => `L${item.line}`)).toEqual(['L7', 'L9', 'L11', 'L12']);
    for (const html of [await renderPage(file), await renderEntry(file)]) {
      expect(marked(html)).toEqual(counted(file));
      expect(shownTasks(html)).toBe(4);
      const ol = byTag(html, 'ol');
      expect(ol).toHaveLength(1);
      expect(ol[0]!.properties['start']).toBe(4);
      expect(byTag(html, 'li').filter((li) => li.properties['id'] === 'L9').map(text)[0]).toMatch(/^ Chapter four exercises\n?and the quiz/);
      expect(html).toContain('<strong>four</strong>');
      expect(html).toMatch(/task-field-due/);
      expect(html).not.toMatch(/\d\. \[[ x/]\]/);
      expect(byTag(html, 'input').map((box) => box.properties['ariaLabel'])).toEqual([
        'Done: Read the book preface', 'To do: Chapter four exercises and the quiz', 'Done: Chapter six',
      ]);
    }
  });

  it('leave a file the parsers read alike as it was', async () => {
    const alike = file.replace('[book]: https://example.com/book\n', '[book]: https://example.com/book\n\n');
    const html = await renderPage(alike);
    expect(marked(html)).toEqual(counted(alike));
    expect(byTag(html, 'ol')[0]!.properties['start']).toBe(4);
  });
});
