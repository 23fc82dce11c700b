import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneRendered, renderedHtml, renderedOutside, renderedWritten, toolFingerprint } from '../src/data/rendered-html.ts';

type Store = LoaderContext['store'];

type Entry = Parameters<Store['set']>[0];

/** A store that behaves as Astro's scoped store does for what the loader uses: `set` with the same digest changes nothing. */
function memoryStore(): Store & { raw: Map<string, Entry> } {
  const raw = new Map<string, Entry>();
  const store = {
    raw,
    get: (key: string) => raw.get(key),
    set: (entry: Entry) => {
      if (entry.digest && raw.get(entry.id)?.digest === entry.digest) return false;
      raw.set(entry.id, entry);
      return true;
    },
    delete: (key: string) => void raw.delete(key),
    clear: () => raw.clear(),
    keys: () => [...raw.keys()],
    values: () => [...raw.values()],
    entries: () => [...raw.entries()],
    has: (key: string) => raw.has(key),
    addModuleImport: () => undefined,
    addAssetImports: () => undefined,
  };
  return store as unknown as Store & { raw: Map<string, Entry> };
}

/** The loader's store as `renderedOutside` gives it, over `inner`. */
const outside = (inner: Store, collection: string, tool = 't1'): Store =>
  renderedOutside({ store: inner, collection, generateDigest: (text: unknown) => String(text) } as unknown as LoaderContext, dir, tool).store;

const entry = (id: string, digest: string, html: string, imagePaths: string[] = []): Entry => ({
  id, digest, data: { title: id }, filePath: `content/tracks/${id}.md`,
  rendered: { html, metadata: { headings: [{ depth: 2, slug: 'a', text: 'A' }], imagePaths } },
});

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'rendered-html-')); });
// Pages are written in the background: each test's writes end before its folder goes.
afterEach(async () => {
  await renderedWritten();
  rmSync(dir, { recursive: true, force: true });
});

const files = (collection: string): string[] => (existsSync(join(dir, collection)) ? readdirSync(join(dir, collection)) : []);

describe('renderedOutside', () => {
  it('keeps the HTML out of the store and gives it back to the page, headings kept', async () => {
    const inner = memoryStore();
    const store = outside(inner, 'phases');
    store.set(entry('web/01', 'd1', '<ul><li>one</li></ul>'));
    const stored = inner.raw.get('web/01')!;
    expect(stored.rendered?.html).toBe('');
    expect(stored.rendered?.metadata?.headings).toEqual([{ depth: 2, slug: 'a', text: 'A' }]);
    // Before its file is written (in the background), the page is read from memory.
    expect(files('phases')).toHaveLength(0);
    expect(renderedHtml(stored, dir)).toBe('<ul><li>one</li></ul>');
    await renderedWritten();
    expect(files('phases')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['phases']));
    expect(renderedHtml(stored, dir)).toBe('<ul><li>one</li></ul>');
  });

  it('puts no file in place for an entry removed or replaced while its page was being written', async () => {
    const inner = memoryStore();
    const store = outside(inner, 'phases');
    store.set(entry('web/01', 'd1', 'first'));
    store.set(entry('web/01', 'd2', 'second'));
    store.set(entry('web/02', 'd1', 'other'));
    store.delete('web/02');
    await renderedWritten();
    expect(files('phases')).toHaveLength(1);
    expect(renderedHtml(inner.raw.get('web/01')!, dir)).toBe('second');
    expect(existsSync(join(dir, '.writing')) ? readdirSync(join(dir, '.writing')) : []).toEqual([]);
  });

  it('replaces the file when the content changes, and removes it with the entry', async () => {
    const inner = memoryStore();
    const store = outside(inner, 'phases');
    store.set(entry('web/01', 'd1', 'old'));
    await renderedWritten();
    store.set(entry('web/01', 'd2', 'new'));
    await renderedWritten();
    expect(renderedHtml(inner.raw.get('web/01')!, dir)).toBe('new');
    expect(files('phases')).toHaveLength(1);
    store.delete('web/01');
    expect(files('phases')).toEqual([]);
    expect(inner.raw.has('web/01')).toBe(false);
  });

  it('reports an entry whose file is gone as unknown, so the loader renders it again', async () => {
    const inner = memoryStore();
    const store = outside(inner, 'phases');
    store.set(entry('web/01', 'd1', 'page'));
    await renderedWritten();
    expect(store.get('web/01')).toBeDefined();
    rmSync(join(dir, 'phases'), { recursive: true });
    expect(store.get('web/01')).toBeUndefined();
    // The loader renders it again with the same digest: the store is unchanged, the file is back.
    store.set(entry('web/01', 'd1', 'page'));
    expect(renderedHtml(inner.raw.get('web/01')!, dir)).toBe('page');
  });

  it('leaves markdown with images (Astro rewrites their references on render) and entries without HTML in the store', () => {
    const inner = memoryStore();
    const store = outside(inner, 'notes');
    store.set(entry('pic', 'd1', '<img src="__ASTRO_IMAGE_x">', ['./x.png']));
    store.set({ id: 'mdx', digest: 'd2', data: {}, deferredRender: true });
    expect(inner.raw.get('pic')?.rendered?.html).toBe('<img src="__ASTRO_IMAGE_x">');
    expect(renderedHtml(inner.raw.get('pic')!, dir)).toBeUndefined();
    expect(renderedHtml(inner.raw.get('mdx')!, dir)).toBeUndefined();
    expect(files('notes')).toEqual([]);
  });

  it('keeps collections apart and clears only its own', async () => {
    const phases = outside(memoryStore(), 'phases');
    const notes = outside(memoryStore(), 'notes');
    phases.set(entry('same', 'd1', 'phase'));
    notes.set(entry('same', 'd1', 'note'));
    await renderedWritten();
    notes.clear();
    expect(files('notes')).toEqual([]);
    expect(files('phases')).toHaveLength(1);
  });

  it('names the file when the store and the cache disagree, instead of showing an empty page', async () => {
    const inner = memoryStore();
    outside(inner, 'phases').set(entry('web/01', 'd1', 'page'));
    await renderedWritten();
    rmSync(join(dir, 'phases'), { recursive: true });
    expect(() => renderedHtml(inner.raw.get('web/01')!, dir)).toThrow(/content\/tracks\/web\/01\.md: its rendered page is missing/);
  });

  it('changes every digest with the tool, so Astro parses and renders every entry again after an upgrade', () => {
    const context = (tool: string): LoaderContext =>
      renderedOutside({ store: memoryStore(), collection: 'phases', generateDigest: (text: unknown) => `h(${String(text)})` } as unknown as LoaderContext, dir, tool);
    expect(context('t1').generateDigest('- [ ] one')).toBe('h(- [ ] one)-t1');
    expect(context('t2').generateDigest('- [ ] one')).not.toBe(context('t1').generateDigest('- [ ] one'));
  });

  it('passes entries without rendered HTML (MDX, rendered at build) through', () => {
    const inner = memoryStore();
    inner.set({ id: 'mdx', digest: 'd1', data: {}, deferredRender: true });
    expect(outside(inner, 'notes').get('mdx')).toBe(inner.raw.get('mdx'));
  });
});

describe('pruneRendered', () => {
  it('removes the files no entry names (Astro cleared its store without the loader), and only those', async () => {
    const inner = memoryStore();
    const store = outside(inner, 'phases');
    store.set(entry('kept', 'd1', 'kept'));
    store.set(entry('gone', 'd1', 'gone'));
    inner.raw.delete('gone');
    outside(memoryStore(), 'notes').set(entry('note', 'd1', 'note'));
    await renderedWritten();
    expect(pruneRendered(inner, 'phases', dir)).toBe(1);
    expect(renderedHtml(inner.raw.get('kept')!, dir)).toBe('kept');
    expect(files('phases')).toHaveLength(1);
    expect(files('notes')).toHaveLength(1);
  });
});

describe('toolFingerprint', () => {
  it('changes with the plugins, the schemas, the lockfile and the settings, and not with content', () => {
    const root = join(dir, 'project');
    const write = (path: string, text: string): void => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('src/integrations/satteri-progress/plugin.ts', 'export const a = 1;');
    write('package-lock.json', '{}');
    write('content/tracks/web/01.md', '- [ ] one');
    const first = toolFingerprint(root);
    write('content/tracks/web/01.md', '- [x] one');
    expect(toolFingerprint(root)).toBe(first);
    write('src/integrations/satteri-progress/plugin.ts', 'export const a = 2;');
    const second = toolFingerprint(root);
    expect(second).not.toBe(first);
    write('src/schemas/phase.ts', 'export const b = 1;');
    const third = toolFingerprint(root);
    expect(third).not.toBe(second);
    write('portfolio.config.yaml', 'rawHtml: true');
    expect(toolFingerprint(root)).not.toBe(third);
  });
});
