/**
 * The Sätteri progress plugin (`src/integrations/satteri-progress.ts`),
 * rendered through Astro's real markdown processor
 * (`createSatteriMarkdownProcessor` from `@astrojs/markdown-satteri`, the
 * renderer `satteri()` creates) with the same defaults as an Astro build: GFM,
 * smart punctuation, Shiki.
 *
 * Frontmatter is handled the way Astro hands files to the processor:
 * `.md` pages get the file with its frontmatter blanked (`empty-with-spaces`),
 * content-collection entries get the body after it, trimmed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { Element } from 'hast';
import { afterAll, describe, expect, it } from 'vitest';
import { lineOffset } from '../src/integrations/satteri-progress/lines.ts';
import { analyzeFile } from '../src/lib/analyze.ts';
import { corpusDir, corpusExists } from './helpers/shared.ts';
import { byTag, classes, cleanup, counted, elements, findBadge, marked, renderEntry, renderPage, shownTasks, text } from './helpers/satteri-render.ts';

afterAll(cleanup);
describe('GFM task items', () => {
  const source = [
    '# Week 1', // 1
    '', // 2
    '- [x] Send a raw *request*', // 3
    '- [ ] Compare keep-alive', // 4
    '- [X] Upper-case done ✅ 2024-03-01', // 5
    '', // 6
  ].join('\n');

  it('get an id, task classes and a labelled read-only checkbox', async () => {
    const html = await renderPage(source);
    const items = byTag(html, 'li');
    expect(items.map((li) => li.properties['id'])).toEqual(['L3', 'L4', 'L5']);
    expect(items.map(classes)).toEqual([
      ['task-list-item', 'task', 'task-done'],
      ['task-list-item', 'task', 'task-todo'],
      ['task-list-item', 'task', 'task-done'],
    ]);
    const boxes = byTag(html, 'input');
    expect(boxes.map((box) => box.properties['ariaLabel'])).toEqual([
      'Done: Send a raw request', 'To do: Compare keep-alive', 'Done: Upper-case done',
    ]);
    expect(boxes.every((box) => box.properties['disabled'] === true && box.properties['type'] === 'checkbox')).toBe(true);
    expect(boxes.map((box) => box.properties['checked'] === true)).toEqual([true, false, true]);
    expect(html).toContain('<em>request</em>');
    expect(html).not.toMatch(/style=/);
  });

  it('count lines of the original file, frontmatter included, for pages and content entries', async () => {
    const file = ['---', 'title: Week', 'tags: [a, b]', '---', '', '', source].join('\n');
    const expected = ['L9', 'L10', 'L11'];
    for (const html of [await renderPage(file), await renderEntry(file)]) {
      expect(byTag(html, 'li').map((li) => li.properties['id'])).toEqual(expected);
    }
    expect(analyzeFile('week.md', file).items.map((item) => `L${item.line}`)).toEqual(expected);
  });

  it('count lines in CRLF files with a byte-order mark', async () => {
    const file = '\uFEFF---\r\ntitle: x\r\n---\r\n\r\n- [ ] a\r\n  - [x] b\r\n';
    for (const html of [await renderPage(file), await renderEntry(file)]) {
      expect(byTag(html, 'li').map((li) => li.properties['id'])).toEqual(['L5', 'L6']);
    }
    expect(counted(file)).toEqual([['L5', 'task-todo'], ['L6', 'task-done']]);
  });

  it('in loose lists and nested lists', async () => {
    const html = await renderPage('1. [ ] loose\n\n   more text\n2. [x] parent\n   - [ ] child\n');
    expect(byTag(html, 'li').map((li) => [li.properties['id'], classes(li).at(-1)])).toEqual([
      ['L1', 'task-todo'], ['L4', 'task-done'], ['L5', 'task-todo'],
    ]);
    expect(byTag(html, 'input').map((box) => box.properties['ariaLabel'])).toEqual(['To do: loose', 'Done: parent', 'To do: child']);
  });
});

describe('extended [/] and [-] items', () => {
  it('replace the literal marker by an accessible state element', async () => {
    const html = await renderPage('- [/] Ownership chapter\n- [-] Final *project*\n* [/]\tTab after the marker\n');
    const items = byTag(html, 'li');
    expect(items.map((li) => [li.properties['id'], classes(li)])).toEqual([
      ['L1', ['task-list-item', 'task', 'task-in-progress']],
      ['L2', ['task-list-item', 'task', 'task-skipped']],
      ['L3', ['task-list-item', 'task', 'task-in-progress']],
    ]);
    expect(items.map(text).join('|')).not.toMatch(/\[[/-]\]/);
    expect(html).not.toMatch(/\[[/-]\]/);
    const states = elements(html).filter((node) => classes(node).includes('task-state'));
    expect(states.map((state) => [state.tagName, classes(state)[1], state.properties['role'], state.properties['ariaLabel']])).toEqual([
      ['span', 'task-state-in-progress', 'img', 'In progress'],
      ['span', 'task-state-skipped', 'img', 'Skipped'],
      ['span', 'task-state-in-progress', 'img', 'In progress'],
    ]);
    expect(items.map((li) => text(li).slice(1).trim())).toEqual(['Ownership chapter', 'Final project', 'Tab after the marker']);
    expect(html).toContain('<em>project</em>');
    // `*` after `-` starts a second list; both are marked as task lists.
    expect(byTag(html, 'ul').map(classes)).toEqual([['contains-task-list'], ['contains-task-list']]);
  });

  it('followed directly by inline markup', async () => {
    const html = await renderPage('- [/] *emphasis* first\n- [-] `code` first\n');
    expect(html).toBe([
      '<ul class="contains-task-list">',
      '<li id="L1" class="task-list-item task task-in-progress"><span class="task-state task-state-in-progress" role="img" aria-label="In progress">◐</span> <em>emphasis</em> first<span class="item-date" data-line="1"></span></li>',
      '<li id="L2" class="task-list-item task task-skipped"><span class="task-state task-state-skipped" role="img" aria-label="Skipped">⊘</span> <code>code</code> first<span class="item-date" data-line="2"></span></li>',
      '</ul>',
      '',
    ].join('\n'));
  });

  it('in a loose list item, inside its first paragraph', async () => {
    const html = await renderPage('1. [-] loose\n\n   para\n');
    const [paragraph] = byTag(html, 'p');
    expect(classes(paragraph!.children[0] as Element)).toEqual(['task-state', 'task-state-skipped']);
    expect(text(paragraph!)).toBe('⊘ loose');
  });

  it('only where the engine counts them', async () => {
    const source = [
      '- [/]', // no text after it
      '- \\[/] escaped',
      '- [/]x no space',
      '- > [/] in a quote, not the item paragraph',
      '- text then [/] inside',
      '- [/]',
      '  - [ ] nested under an empty marker',
      '',
    ].join('\n');
    const html = await renderPage(source);
    expect(elements(html).filter((node) => classes(node).includes('task-state'))).toEqual([]);
    expect(html.match(/\[\/\]/g)).toHaveLength(6);
    expect(marked(html)).toEqual([['L7', 'task-todo']]);
    expect(counted(source)).toEqual([['L7', 'task-todo']]);
  });
});

describe('lookalikes, code and headings', () => {
  it('leaves lookalikes such as [ x] untouched', async () => {
    const html = await renderPage('- [ x] spaced\n- [x ] trailing\n- [] empty\n- [x]no-space\n');
    expect(html).toBe('<ul>\n<li>[ x] spaced</li>\n<li>[x ] trailing</li>\n<li>[] empty</li>\n<li>[x]no-space</li>\n</ul>\n');
  });

  it('leaves tasks in fenced and indented code untouched', async () => {
    const source = '```md\n- [ ] in a fence\n- [/] also\n| A | Status |\n```\n\n    - [x] indented code\n\n~~~\n- [-] tilde fence\n~~~\n';
    const html = await renderPage(source);
    expect(elements(html).some((node) => node.tagName === 'li' || node.tagName === 'input' || classes(node).includes('task-state'))).toBe(false);
    // Shiki splits the code into coloured spans; its text is unchanged.
    expect(byTag(html, 'pre').map(text)).toEqual([
      '- [ ] in a fence\n- [/] also\n| A | Status |', '- [x] indented code', '- [-] tilde fence',
    ]);
    expect(html).not.toMatch(/ id="L/);
  });

  it('leaves tasks in HTML blocks untouched, as the engine does', async () => {
    const source = '<ul>\n<li>[/] html</li>\n<li><input type="checkbox"> box</li>\n</ul>\n';
    const html = await renderPage(source);
    expect(html).toBe(source);
    expect(counted(source)).toEqual([]);
  });

  it('keeps heading slug ids', async () => {
    const html = await renderPage('# Week 1: HTTP (4-6 hours)\n\n## [ ] Not a task\n\n- [ ] a\n');
    expect(byTag(html, 'h1')[0]!.properties['id']).toBe('week-1-http-4-6-hours');
    expect(byTag(html, 'h2')[0]!.properties['id']).toBe('--not-a-task');
    expect(byTag(html, 'li')[0]!.properties['id']).toBe('L5');
  });
});

describe('status tables', () => {
  const source = [
    '---', // 1
    'title: Skills', // 2
    '---', // 3
    '', // 4
    '| # | Skill | 📊 Status (✅/⬜) | Notes |', // 5
    '|---|---|:-:|---|', // 6
    '| 01 | Permissions | ✅ Done | *ok* |', // 7
    '| 02 | systemd | 🟡 In Progress | |', // 8
    '| 03 | Cron | ⬜ / 🟡 / ✅ | template |', // 9
    '| 04 | Packages | ⏭️ Skipped | |', // 10
    '| 05 | Shells | maybe | |', // 11
    '| 06 | Logs |  | |', // 12
    '| 07 | Boot | ✅ Not Started | conflict: words win |', // 13
    '| 08 | SSH | **Mastered** | |', // 14
    '', // 15
    '| Skill | Level |', // 16
    '|---|---|', // 17
    '| Vim | ✅ Done |', // 18
    '',
  ].join('\n');

  it('wrap each status cell in a badge and give rows their line', async () => {
    for (const html of [await renderPage(source), await renderEntry(source)]) {
      const [status, other] = byTag(html, 'table');
      const rows = status!.children
        .filter((node): node is Element => node.type === 'element' && node.tagName === 'tbody')
        .flatMap((body) => body.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'tr'));
      expect(rows.map((row) => [row.properties['id'], findBadge(row)])).toEqual([
        ['L7', 'badge-done'], ['L8', 'badge-in-progress'], ['L9', 'badge-todo'], ['L10', 'badge-skipped'],
        ['L11', 'badge-unknown'], ['L12', 'badge-unknown'], ['L13', 'badge-todo'], ['L14', 'badge-done'],
      ]);
      expect(marked(html)).toEqual(counted(source));
      // Only the status column, with the cell's content kept inside the badge, then the row's (empty) date slot.
      expect(html).toContain('<td style="text-align: center"><span class="badge badge-done">✅ Done</span><span class="item-date" data-line="7"></span></td>');
      expect(html).toMatch(/<td style="text-align: center"><span class="badge badge-done"><strong>Mastered<\/strong><\/span><span class="item-date" data-line="\d+"><\/span><\/td>/);
      expect(html).toMatch(/<td style="text-align: center"><span class="badge badge-unknown"><\/span><span class="item-date" data-line="\d+"><\/span><\/td>/);
      expect(html).toContain('<td><em>ok</em></td>');
      // A table without a Status header is not a status table.
      expect(findBadge(other!)).toBe('no-badge');
      expect(html).toContain('<tr>\n<td>Vim</td>\n<td>✅ Done</td>\n</tr>');
    }
  });
});

describe('line offsets', () => {
  it('map rendered lines to file lines', () => {
    const file = '---\ntitle: x\n---\n\n\nBody\n\nmore\n';
    expect(lineOffset(file, parseFrontmatter(file, { frontmatter: 'empty-with-spaces' }).content)).toBe(0);
    expect(lineOffset(file, 'Body\n\nmore')).toBe(5);
    expect(lineOffset('\uFEFF---\r\na: 1\r\n---\r\nBody\r\n', 'Body')).toBe(3);
    expect(lineOffset(file, 'something else')).toBe(0);
  });
});

describe('agreement with the engine', () => {
  const root = new URL('./fixtures/', import.meta.url);
  // Astro refuses a file whose frontmatter is not YAML (the build stops), so that fixture is never rendered.
  // MDX fixtures (`input.mdx`) compile to components, not HTML: the site build test checks those pages.
  const cases = readdirSync(root)
    .filter((name) => statSync(new URL(`${name}/`, root)).isDirectory() && name !== 'frontmatter-invalid-yaml')
    .filter((name) => existsSync(new URL(`${name}/input.md`, root)))
    // The build refuses a UTF-16 file (the engine counts it, Astro reads UTF-8), so its page is never rendered.
    .filter((name) => !analyzeFile('input.md', new Uint8Array(readFileSync(new URL(`${name}/input.md`, root)))).errors.some((m) => m.rule === 'utf16'))
    .sort();

  /**
   * Shapes where the renderer makes no element at all for an item the engine
   * counts, so the page cannot show it: Sätteri keeps an HTML block opened by
   * `<pre>` going past a `</script>` line (CommonMark ends it there), so the
   * tasks after it are raw HTML on the page.
   */
  const UNSHOWABLE = new Set(['divergence-raw-html-end']);

  // Every id the plugin writes is an item the engine counts, with the same status, and the other way round;
  // and the page shows one checkbox or state mark per counted task.
  for (const name of cases) {
    it(`marks exactly the engine's items in fixture ${name}`, async () => {
      const text = readFileSync(new URL(`${name}/input.md`, root), 'utf8');
      for (const html of [await renderPage(text), await renderEntry(text)]) {
        if (UNSHOWABLE.has(name)) {
          expect(marked(html)).not.toEqual(counted(text));
          continue;
        }
        expect(marked(html)).toEqual(counted(text));
        expect(shownTasks(html)).toBe(analyzeFile('input.md', text).tasks.total);
      }
    });
  }

  // The real-world trackers in ../shared/corpus (not in the repository: skipped when absent).
  const corpus = corpusExists ? readdirSync(corpusDir).filter((name) => name.endsWith('.md') && name !== 'MANIFEST.md').sort() : [];
  for (const name of corpus) {
    it(`marks exactly the engine's items in corpus ${name}`, async () => {
      const text = readFileSync(join(corpusDir, name), 'utf8');
      for (const html of [await renderPage(text), await renderEntry(text)]) {
        expect(marked(html)).toEqual(counted(text));
        expect(shownTasks(html)).toBe(analyzeFile(name, text).tasks.total);
      }
    });
  }
});

describe('date slots', () => {
  it('leaves one empty slot per item, after its first line of text and before nested lists', async () => {
    const html = await renderPage('- [x] parent\n  - [ ] child\n\nText.\n\n* [/] loose\n\n  more text\n\n| A | Status |\n|---|---|\n| row | Done |\n');
    expect(html).toContain('parent\n<span class="item-date" data-line="1"></span><ul');
    expect(html).toContain('child<span class="item-date" data-line="2"></span></li>');
    expect(html).toMatch(/loose<span class="item-date" data-line="6"><\/span><\/p>/);
    expect(html).toContain('Done</span><span class="item-date" data-line="12"></span></td>');
    expect(html.match(/class="item-date"/g)).toHaveLength(4);
  });
});
