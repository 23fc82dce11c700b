/**
 * What is read of each page for links, headings and tags, kept on disk
 * between builds (`PageTextCache`): read back exactly as read, by path and
 * text (never another page's or an older text's), and written by
 * `readSiteLinks` when it is given a folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PageTextCache } from '../src/check/page-text-cache.ts';
import { readSiteLinks } from '../src/check/site-links.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { readPageText } from '../src/lib/links/page-links.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-page-text-'));
  dirs.push(dir);
  return dir;
};

const pages: Array<[string, string]> = [
  ['content/notes/a.md', '---\ntitle: A\n---\n# Cascade\n\nSee [[b#Why it broke|B]], [css](../tracks/web/01.md) and ![x](img.png). #css/grid\n\n## Why it broke\n\n[ref]: https://example.com\n'],
  ['content/notes/b.mdx', '# B\n\n{1 +\n'],
  ['content/tracks/web/01.md', '# One\n\n- [ ] [[a]]\n'],
];
const read = (path: string, source: string) => readPageText(path, splitFrontmatter(path, source).body);

describe('PageTextCache', () => {
  it('gives back what was read of each page, by path and text', () => {
    const folder = temp();
    const first = PageTextCache.open(folder)!;
    for (const [path, source] of pages) first.set(path, source, read(path, source));
    expect(first.save()).toBe(true);

    const again = PageTextCache.open(folder)!;
    for (const [path, source] of pages) expect(again.get(path, source)).toEqual(read(path, source));
    // An MDX error is kept with its place.
    expect(again.get(pages[1]![0], pages[1]![1])?.mdxError).toMatchObject({ path: 'content/notes/b.mdx', rule: 'mdx-syntax', line: 3 });
    // Another path or another text is another page.
    expect(again.get('content/notes/c.md', pages[0]![1])).toBeUndefined();
    expect(again.get(pages[0]![0], `${pages[0]![1]}\nmore\n`)).toBeUndefined();
  });

  it('is off without a folder', () => {
    expect(PageTextCache.open(null)).toBeNull();
  });

  it('ignores a damaged file', () => {
    const folder = temp();
    writeFileSync(join(folder, 'page-links.v1'), 'not a cache');
    const cache = PageTextCache.open(folder)!;
    expect(cache.get(pages[0]![0], pages[0]![1])).toBeUndefined();
  });

  it('is written by readSiteLinks when given a folder, and changes nothing read', () => {
    const root = temp();
    for (const [path, source] of pages) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), source);
    }
    const folder = join(root, 'cache');
    const cached = readSiteLinks(root, undefined, folder);
    expect(existsSync(join(folder, 'page-links.v1'))).toBe(true);
    const plain = readSiteLinks(root);
    expect([...cached.texts]).toEqual([...plain.texts]);
    expect([...cached.backlinks].map(([path, from]) => [path, from.map((page) => page.path)]))
      .toEqual([...plain.backlinks].map(([path, from]) => [path, from.map((page) => page.path)]));
    expect([...cached.tags.keys()]).toEqual(['css', 'css/grid']);
    const stored = PageTextCache.open(folder)!;
    for (const [path, source] of pages) expect(stored.get(path, source)).toEqual(cached.texts.get(path));
  });
});
