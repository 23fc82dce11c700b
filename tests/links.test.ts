/**
 * The one link resolver and what feeds it: wikilink syntax, name and title
 * matching, markdown links to `.md` files and page URLs, image files, tags,
 * and the MDX mask the engine reads `.mdx` files through.
 */
import { describe, expect, it } from 'vitest';
import { embedUrl, findFile } from '../src/lib/links/files.ts';
import { LinkResolver, type LinkPage } from '../src/lib/links/resolve.ts';
import { tagAncestry, tagSlug, tagsInText } from '../src/lib/links/tags.ts';
import { imageSize, readWikilink, wikilinkText, withWikilinkText } from '../src/lib/links/wikilink.ts';
import { maskMdx } from '../src/lib/mdx-mask.ts';
import { readTaskFields } from '../src/lib/task-fields.ts';
import { linkHtml, sectionHtml } from '../src/utils/linked-html.ts';

const pages: LinkPage[] = [
  { path: 'content/tracks/web/index.md', kind: 'track', route: '/web/', title: 'Web basics' },
  { path: 'content/tracks/web/01-html.md', kind: 'phase', route: '/web/01-html/', title: 'HTML' },
  { path: 'content/tracks/web/02-css.mdx', kind: 'phase', route: '/web/02-css/', title: 'CSS' },
  { path: 'content/notes/css.md', kind: 'note', route: '/notes/css/', title: 'Cascade notes' },
  { path: 'content/notes/old/css.md', kind: 'note', route: '/notes/old/css/', title: 'Older cascade' },
  { path: 'content/notes/week-3.md', kind: 'note', route: '/notes/week-3/', title: 'Week 3: HTTP by hand' },
];
const resolver = new LinkResolver(pages);
const to = (name: string, from = 'content/notes/week-3.md') => {
  const link = readWikilink(`[[${name}]]`)!;
  const { resolved, candidates } = resolver.wikilink(link, from);
  return { to: resolved ? `${resolved.page.route}${resolved.anchor}` : null, candidates: candidates.length };
};

describe('wikilinks', () => {
  it('read name, heading, alias and embeds as Obsidian writes them', () => {
    expect(readWikilink('[[Note#Why it broke|the reason]] and more')).toEqual({ name: 'Note', heading: 'Why it broke', alias: 'the reason', embed: false });
    expect(readWikilink('![[diagram.png|300x200]]')).toEqual({ name: 'diagram.png', heading: null, alias: '300x200', embed: true });
    expect(readWikilink('[[table\\|escaped]]')?.alias).toBe('escaped');
    expect(readWikilink('[[note#^block-id]]')?.heading).toBeNull();
    expect(readWikilink('[text](url)')).toBeNull();
    expect(wikilinkText({ name: 'Note', heading: 'Part', alias: null, embed: false })).toBe('Note › Part');
    expect(withWikilinkText('Read [[Note#Part]] and [[a|the alias]]')).toBe('Read Note › Part and the alias');
    expect(imageSize('300')).toEqual({ width: 300, height: null });
    expect(imageSize('a caption')).toBeNull();
  });

  it('resolve by file name, path ending or title, ignoring case, the same folder first', () => {
    expect(to('01-html')).toEqual({ to: '/web/01-html/', candidates: 1 });
    expect(to('WEB/01-HTML.md')).toEqual({ to: '/web/01-html/', candidates: 1 });
    expect(to('web')).toEqual({ to: '/web/', candidates: 1 });
    expect(to('week 3: http by hand')).toEqual({ to: '/notes/week-3/', candidates: 1 });
    expect(to('HTML#Forms and labels')).toEqual({ to: '/web/01-html/#forms-and-labels', candidates: 1 });
    expect(to('#Own heading')).toEqual({ to: '/notes/week-3/#own-heading', candidates: 1 });
    // A file name wins over a title; two files named alike are ambiguous, the same folder first.
    expect(to('css')).toEqual({ to: '/notes/css/', candidates: 2 });
    expect(to('css', 'content/notes/old/x.md')).toEqual({ to: '/notes/old/css/', candidates: 2 });
    expect(to('Nobody wrote this')).toEqual({ to: null, candidates: 0 });
  });

  it('resolve markdown links to .md files and page URLs from the linking page', () => {
    const link = (url: string, from: string): string | null => {
      const resolved = resolver.markdownLink(url, from);
      return resolved ? `${resolved.page.route}${resolved.anchor}` : null;
    };
    expect(link('02-css.mdx', 'content/tracks/web/01-html.md')).toBe('/web/02-css/');
    expect(link('../../notes/css.md#specificity', 'content/tracks/web/01-html.md')).toBe('/notes/css/#specificity');
    expect(link('../02-css/', 'content/tracks/web/01-html.md')).toBe('/web/02-css/');
    expect(link('/notes/week-3/', 'content/notes/css.md')).toBe('/notes/week-3/');
    for (const url of ['https://example.org/a.md', '#top', '../README.md', 'img/a.png']) expect(link(url, 'content/notes/css.md'), url).toBeNull();
  });

  it('fill rendered markdown with URLs under the base, and cut out note embeds', () => {
    const html = '<p><a href="#" data-wikilink="css" data-heading="Specificity">css › Specificity</a> <a href="02-css.mdx">next</a> <a href="#" data-wikilink="gone">gone</a></p>\n<p><span data-embed="week-3">week-3</span></p>\n<p>See <span data-embed="css">css</span>.</p>';
    const parts = linkHtml(html, 'content/tracks/web/01-html.md', resolver, '/portfolio/');
    expect(parts[0]).toBe('<p><a href="/portfolio/notes/css/#specificity" class="wikilink">css › Specificity</a> <a href="/portfolio/web/02-css/">next</a> <span class="wikilink-missing">gone<span class="sr-only"> (no page yet)</span></span></p>\n');
    expect(parts[1]).toEqual({ page: pages[5], name: 'week-3', anchor: '' });
    expect(parts[2]).toBe('\n<p>See <a href="/portfolio/notes/css/" class="wikilink">css</a>.</p>');
    expect(sectionHtml('<h1 id="a">A</h1><p>1</p><h2 id="b">B</h2><p>2</p><h3 id="c">C</h3><h2 id="d">D</h2>', 'b')).toBe('<h2 id="b">B</h2><p>2</p><h3 id="c">C</h3>');
  });
});

describe('files, tags, MDX and task fields', () => {
  it('find embedded files by name, next to the page first', () => {
    const files = ['content/notes/a/diagram.png', 'content/notes/diagram.png', 'public/diagram.png', 'public/img/logo.svg'];
    expect(findFile('Diagram.PNG', 'content/notes/x.md', files)).toBe('content/notes/diagram.png');
    expect(findFile('diagram.png', 'content/notes/a/y.md', files)).toBe('content/notes/a/diagram.png');
    expect(findFile('img/logo.svg', 'content/notes/x.md', files)).toBe('public/img/logo.svg');
    expect(findFile('none.png', 'content/notes/x.md', files)).toBeNull();
    expect(embedUrl('content/notes/a/my diagram.png', 'content/notes/x.md')).toBe('./a/my%20diagram.png');
    expect(embedUrl('public/img/logo.svg', 'content/notes/x.md')).toBe('/img/logo.svg');
  });

  it('read inline tags as Obsidian does, and make their URLs', () => {
    expect(tagsInText('#start, a #mid-word and #nested/tag/ (#paren) not#glued #1984 #2024-review # heading')).toEqual(['start', 'mid-word', 'nested/tag', 'paren', '2024-review']);
    expect(tagSlug('Data Structures/Trees')).toBe('data-structures/trees');
    expect(tagAncestry('lang/rust/async')).toEqual(['lang', 'lang/rust', 'lang/rust/async']);
  });

  it('blank MDX syntax in place, keeping every line and column', () => {
    const text = "import X from './x'\n\n<Aside>\n- [ ] inside\n</Aside>\n\n{/*\n- [ ] hidden\n*/}\n\nText {inline} stays.\n\n```\n<Kept />\n```\n";
    const masked = maskMdx(text);
    expect(masked.length).toBe(text.length);
    expect(masked.split('\n').map((line) => line.trim())).toEqual(['', '', '', '- [ ] inside', '', '', '', '', '', '', 'Text {inline} stays.', '', '```', '<Kept />', '```', '']);
  });

  it('read Obsidian Tasks fields from the end, tags among them kept', () => {
    expect(readTaskFields('Read 📅\u00A02025-03-10 #books ⏫')).toMatchObject({ text: 'Read #books', fields: { due: '2025-03-10', priority: 'high' } });
    expect(readTaskFields('Plain text').fields).toBeNull();
    expect(readTaskFields('Twice 📅 2025-01-01 📅 2025-02-02').fields?.due).toBe('2025-02-02');
  });
});
