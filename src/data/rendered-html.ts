/**
 * Rendered markdown kept beside Astro's content data store instead of in it.
 *
 * Astro's glob loader stores every page's rendered HTML in the data store,
 * and the build then serialises that store, bundles it as modules and
 * compiles them: at 1000 phase files the HTML was 18.8 of the store's 23.5 MB.
 * Here the loader still renders each file exactly as before (the same Sätteri
 * plugins, only when its content changed), but the HTML goes to one file per
 * entry under `node_modules/.cache/learning-portfolio/rendered/`, named by the
 * entry's id and content digest; the store keeps the entry with its headings
 * and an empty body, and the page reads the file back (`renderedHtml`).
 *
 * The store stays the authority: a file is only read for the digest the
 * store holds, and an entry whose file is missing (a cleared cache, a store
 * restored without it) is handed to the loader as unknown, so it is rendered
 * again. Entries whose HTML refers to images keep their HTML in the store:
 * Astro rewrites those references when the page renders.
 *
 * Astro keeps a stored entry until its text, the Astro version, the text of
 * `content.config.ts` or the serialisable part of its config changes; a
 * change to a markdown plugin's code or a schema is none of those. Every
 * entry's digest therefore carries the tool's fingerprint (`toolFingerprint`:
 * plugin, engine and schema code, the lockfile, the settings), and changes
 * with it: after `npm run upgrade`, or with a data store the deploy workflow
 * restored from an older commit, no page keeps stale markup or data.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { LoaderContext } from 'astro/loaders';

type Store = LoaderContext['store'];
type StoredEntry = NonNullable<ReturnType<Store['get']>>;

/** The key in `rendered.metadata` naming the file that holds the entry's HTML. */
const MARK = 'portfolioHtmlFile';
/** What a stored entry depends on besides the file's text (folders are read whole). */
const TOOL_INPUTS = ['src/integrations', 'src/lib', 'src/config', 'src/schemas', 'src/content.config.ts', 'astro.config.mjs', 'package-lock.json', 'portfolio.config.yaml'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [path];
  }
}

/**
 * A hash of everything besides a file's own text that its stored entry
 * depends on: the tool's markdown plugins and the engine they mark items
 * with, the frontmatter schemas and ids, the Astro config, the installed
 * packages (the lockfile) and the learner's settings (`rawHtml`). Read once
 * per process: a few hundred KB.
 *
 * @param root the project root
 */
export function toolFingerprint(root: string = process.cwd()): string {
  const hash = createHash('sha256');
  const files = TOOL_INPUTS.flatMap((input) => filesUnder(join(root, input))).sort();
  for (const file of files) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

let fingerprint: string | undefined;
const currentFingerprint = (): string => (fingerprint ??= toolFingerprint());

/**
 * Where rendered HTML lives: from the project root (the build's working
 * directory), as the engine's cache does; kept between builds and by the
 * deploy workflow's cache.
 */
export const RENDERED_DIR = resolve('node_modules/.cache/learning-portfolio/rendered');

function fileName(collection: string, id: string, digest: string): string {
  const key = createHash('sha256').update(`${collection}\0${id}`).digest('hex').slice(0, 24);
  return `${collection}/${key}-${digest}.html`;
}

function markOf(entry: StoredEntry | undefined): string | undefined {
  const value = (entry?.rendered?.metadata as Record<string, unknown> | undefined)?.[MARK];
  return typeof value === 'string' ? value : undefined;
}

const PENDING = Symbol.for('learning-portfolio.rendered-pending');

/**
 * Pages whose file is being written, by file name, with the writes in
 * flight. A page is written in the background while the loader renders the
 * next one (writing and renaming 1020 pages took 0.65 s of the main thread
 * in a cold 1000-file build), and read from here until its file is in
 * place. Kept on `globalThis`: the pages read it from another copy of this
 * module (the build's bundle) in the same process.
 */
function pending(): { pages: Map<string, string>; writes: Set<Promise<void>> } {
  const holder = globalThis as typeof globalThis & { [PENDING]?: { pages: Map<string, string>; writes: Set<Promise<void>> } };
  return (holder[PENDING] ??= { pages: new Map(), writes: new Set() });
}

let temporaryCount = 0;
/** Folders this process has made: made once, and again only when a write finds one gone. */
const madeFolders = new Set<string>();

async function folder(path: string, again = false): Promise<void> {
  if (!again && madeFolders.has(path)) return;
  await mkdir(path, { recursive: true });
  madeFolders.add(path);
}

/**
 * Write a page's file whole, then rename it into place, so a build stopped
 * halfway never leaves half a page; the temporary file is outside the
 * collections' folders, where `pruneRendered` never looks. On failure the
 * page stays in memory for this process, and the next build, finding no
 * file, renders it again.
 */
function writePage(dir: string, name: string, html: string): void {
  const { pages, writes } = pending();
  pages.set(name, html);
  const writing = join(dir, '.writing');
  const temporary = join(writing, `${process.pid}-${temporaryCount++}.tmp`);
  const target = join(dir, name);
  const write = (async (): Promise<void> => {
    try {
      await folder(writing);
      await writeFile(temporary, html).catch(async () => {
        // The folder was removed since it was made (a cleared cache): make it again, once.
        await folder(writing, true);
        await writeFile(temporary, html);
      });
      // Removed or replaced while it was written: nothing to put in place.
      if (pages.get(name) !== html) return void (await rm(temporary, { force: true }));
      await folder(dirname(target));
      await rename(temporary, target).catch(async () => {
        await folder(dirname(target), true);
        await rename(temporary, target);
      });
      if (pages.get(name) === html) pages.delete(name);
    } catch {
      await rm(temporary, { force: true }).catch(() => {});
    }
  })();
  writes.add(write);
  void write.finally(() => writes.delete(write));
}

/** Resolves once every page file being written in this process is in place (or failed). */
export async function renderedWritten(): Promise<void> {
  const { writes } = pending();
  while (writes.size > 0) await Promise.all([...writes]);
}

function remove(dir: string, name: string | undefined): void {
  if (!name) return;
  pending().pages.delete(name);
  try {
    unlinkSync(join(dir, name));
  } catch {
    // Already gone: nothing to clean.
  }
}

/**
 * The loader's context, changed in two ways:
 *
 * - its store writes rendered HTML to `dir` instead of the store, and
 *   reports an entry whose file is gone as unknown, so the loader renders it
 *   again (everything else passes through);
 * - its content digests carry the tool's fingerprint, so every entry is
 *   parsed and rendered again when the tool changes.
 *
 * @param context the context Astro gives the loader
 * @param dir where the HTML files go (`RENDERED_DIR` in the site)
 * @param tool the tool's fingerprint (`toolFingerprint`)
 */
export function renderedOutside(context: LoaderContext, dir: string = RENDERED_DIR, tool: string = currentFingerprint()): LoaderContext {
  const { store, collection } = context;
  const folder = join(dir, collection);
  const wrapped: Store = { ...store };
  wrapped.get = ((key: string) => {
    const entry = store.get(key);
    const name = markOf(entry);
    return name && !pending().pages.has(name) && !existsSync(join(dir, name)) ? undefined : entry;
  }) as Store['get'];
  wrapped.set = (entry) => {
    const html = entry.rendered?.html;
    const metadata = entry.rendered?.metadata;
    const previous = markOf(store.get(entry.id));
    if (typeof html !== 'string' || !entry.digest || metadata?.imagePaths?.length) {
      remove(dir, previous);
      return store.set(entry);
    }
    const name = fileName(collection, entry.id, String(entry.digest));
    if (previous !== name) remove(dir, previous);
    writePage(dir, name, html);
    // With the digest it holds, Astro's store keeps the entry it has (same name, the file now back).
    return store.set({ ...entry, rendered: { html: '', metadata: { ...metadata, [MARK]: name } } });
  };
  wrapped.delete = (key) => {
    remove(dir, markOf(store.get(key)));
    store.delete(key);
  };
  wrapped.clear = () => {
    for (const name of pending().pages.keys()) if (name.startsWith(`${collection}/`)) pending().pages.delete(name);
    // A page being written may land in the folder while it is removed: try again rather than fail.
    rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    store.clear();
  };
  const generateDigest: LoaderContext['generateDigest'] = (data) => `${context.generateDigest(data)}-${tool}`;
  return { ...context, store: wrapped, generateDigest };
}

/**
 * Remove the files of `collection` that no entry of the store names: pages
 * of files since deleted, or left when Astro cleared its whole store (a
 * changed config), which it does without the loader. Run after the loader's
 * first sync; later changes remove their own files.
 *
 * @param store the store Astro gives the loader (wrapped or not)
 * @param collection the collection's name
 * @param dir where the HTML files are
 * @returns how many files were removed
 */
export function pruneRendered(store: Store, collection: string, dir: string = RENDERED_DIR): number {
  const folder = join(dir, collection);
  if (!existsSync(folder)) return 0;
  const named = new Set(store.values().map((entry) => markOf(entry)));
  let removed = 0;
  for (const file of readdirSync(folder)) {
    if (named.has(`${collection}/${file}`)) continue;
    remove(dir, `${collection}/${file}`);
    removed += 1;
  }
  return removed;
}

/**
 * The HTML of an entry whose rendering `renderedOutside` kept out of the
 * store, or undefined for an entry Astro renders itself (MDX, images).
 *
 * @throws when the file is missing: the store and the cache disagree, and an
 *   empty page would be wrong (a clean build, `astro build --force`, fixes it)
 */
export function renderedHtml(entry: { id: string; filePath?: string | undefined; rendered?: { metadata?: Record<string, unknown> | undefined } | undefined }, dir: string = RENDERED_DIR): string | undefined {
  const name = entry.rendered?.metadata?.[MARK];
  if (typeof name !== 'string') return undefined;
  const kept = pending().pages.get(name);
  if (kept !== undefined) return kept;
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    throw new Error(`${entry.filePath ?? entry.id}: its rendered page is missing from ${dir} (the content cache is out of step; run \`astro build --force\`)`);
  }
}
