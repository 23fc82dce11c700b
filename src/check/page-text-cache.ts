import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineFingerprint, engineSourceDir } from '../lib/io/cache.ts';
import { TextCache } from '../lib/io/text-cache.ts';
import type { PageText } from '../lib/links/page-links.ts';

/** Most pages kept on disk; the ones read by the latest run are kept first. */
const MAX_ENTRIES = 20_000;
const utf8 = new TextDecoder();

/**
 * A digest of what a page's links depend on besides its text: the engine's
 * fingerprint (the parser package and the frontmatter reader among its
 * sources) and the link readers (`src/lib/links/`). Null when the sources
 * cannot be found, and then nothing is cached.
 */
function linksFingerprint(): string | null {
  const engine = engineFingerprint();
  const lib = engineSourceDir();
  if (!engine || !lib || !existsSync(join(lib, 'links'))) return null;
  const hash = createHash('sha256').update(engine);
  const dir = join(lib, 'links');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Each page's links, heading ids and inline tags (`readPageText`), kept on
 * disk by path and content for the next build: reading them parses every
 * page of the site, about 0.3 s per 1000 pages on every build, where an
 * unchanged page now costs a hash and a small JSON parse.
 */
export class PageTextCache {
  readonly #store: TextCache;

  private constructor(store: TextCache) {
    this.#store = store;
  }

  /** The cache kept in `folder`, or null when there is no folder or the sources to fingerprint are missing. */
  static open(folder: string | null): PageTextCache | null {
    const fingerprint = folder ? linksFingerprint() : null;
    return folder && fingerprint ? new PageTextCache(new TextCache(join(folder, 'page-links.v1'), fingerprint, MAX_ENTRIES)) : null;
  }

  /** The key of a page's text: its path matters too (an `.mdx` page is read as MDX). */
  static #key(path: string, source: string): string {
    return createHash('sha1').update(path).update('\0').update(source).digest('hex');
  }

  /** What was read from this page's text before, or undefined. */
  get(path: string, source: string): PageText | undefined {
    const bytes = this.#store.get(PageTextCache.#key(path, source));
    if (bytes === undefined) return undefined;
    try {
      return JSON.parse(utf8.decode(bytes)) as PageText;
    } catch {
      return undefined;
    }
  }

  /** Remember what was read from this page's text. */
  set(path: string, source: string, text: PageText): void {
    this.#store.set(PageTextCache.#key(path, source), JSON.stringify(text));
  }

  /** Write the cache if anything changed; false when it could not be written (never an error). */
  save(): boolean {
    return this.#store.save();
  }
}
